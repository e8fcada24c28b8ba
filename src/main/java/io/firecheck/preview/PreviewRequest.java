package io.firecheck.preview;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What to preview: the rules folder as it is on disk now ({@code files} and {@code thresholds} absent),
 * uploaded files by name as in a rules folder, or the set serving with some thresholds changed; all stored
 * buildings the caller may see, or those of one jurisdiction.
 */
@Schema(name = "RulePreviewRequest")
public record PreviewRequest(Map<String, String> files, String jurisdiction, Map<String, String> thresholds) {
}
