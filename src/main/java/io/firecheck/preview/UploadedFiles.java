package io.firecheck.preview;

import io.firecheck.engine.Thresholds;
import io.firecheck.inspection.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Uploaded files must be what a rules folder may hold, under the names the folder would give them. */
final class UploadedFiles {
    static final int MAX_FILES = 200;
    static final int MAX_NAME = 200;
    static final int MAX_JURISDICTION = 200;

    private UploadedFiles() {
    }

    /** @throws PreviewRequestException naming every bad field */
    static void check(PreviewRequest request) {
        Map<String, String> files = request.files();
        String jurisdiction = request.jurisdiction();
        List<Violation> out = new ArrayList<>();
        if (files != null && request.thresholds() != null) {
            out.add(new Violation("thresholds", "either files (a whole candidate folder) or thresholds (changes to the set "
                    + "serving), not both"));
        }
        if (jurisdiction != null && (jurisdiction.isBlank() || jurisdiction.length() > MAX_JURISDICTION)) {
            out.add(new Violation("jurisdiction", "a jurisdiction name of 1 to " + MAX_JURISDICTION
                    + " characters; leave it out for every building the token may see"));
        }
        if (files != null) {
            if (files.isEmpty()) {
                out.add(new Violation("files", "no files: give the *.drl files and " + Thresholds.FILE
                        + " of the candidate folder, or leave files out to preview the rules folder on disk"));
            } else if (files.size() > MAX_FILES) {
                out.add(new Violation("files", files.size() + " files; a rules folder of at most " + MAX_FILES));
            }
            files.forEach((name, text) -> {
                String problem = nameProblem(name);
                if (problem != null) {
                    out.add(new Violation("files." + name, problem));
                } else if (text == null) {
                    out.add(new Violation("files." + name, "the file's text, not null"));
                }
            });
        }
        if (!out.isEmpty()) {
            throw new PreviewRequestException(out);
        }
    }

    /** A path relative to the rules folder, as RuleSetLoader.readFiles names what it reads; null when fine. */
    static String nameProblem(String name) {
        if (name.isBlank() || name.length() > MAX_NAME) {
            return "a file name of 1 to " + MAX_NAME + " characters";
        }
        if (name.startsWith("/") || name.contains("\\") || List.of(name.split("/", -1)).stream()
                .anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            return "a path relative to the rules folder, with / between folders and no . or .. parts";
        }
        if (!name.endsWith(".drl") && !name.equals(Thresholds.FILE)) {
            return "a rules folder holds *.drl files and " + Thresholds.FILE + " only";
        }
        return null;
    }
}
