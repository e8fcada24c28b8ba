package io.firecheck.preview;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.persistence.JsonColumns;
import io.firecheck.rules.ReloadOutcome;
import io.firecheck.rules.RuleReloader;
import io.firecheck.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Applies a finished preview: exactly the files it compared, onto the set it compared them with, through the
 * safe reload (compile, fixture gate, publish to the cluster, history) under the caller's name.
 */
@ApplicationScoped
public class PreviewApply {
    private final RulePreviewService previews;
    private final PreviewJobs jobs;
    private final RuleReloader reloader;
    private final ObjectMapper mapper;

    public PreviewApply(RulePreviewService previews, PreviewJobs jobs, RuleReloader reloader, ObjectMapper mapper) {
        this.previews = previews;
        this.jobs = jobs;
        this.reloader = reloader;
        this.mapper = mapper;
    }

    /**
     * The reload's outcome; empty when the caller cannot see such a preview.
     *
     * @throws PreviewNotAppliableException when the preview has not finished, or the files kept are not those it compared
     * @throws io.firecheck.rules.ServedSetChangedException when another set serves than the one it compared with (409)
     * @throws io.firecheck.rules.ReloadInProgressException while another reload runs (409)
     */
    public Optional<ReloadOutcome> apply(UUID id, Caller caller) {
        Optional<PreviewJob> found = previews.find(id, caller);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PreviewJob job = found.get();
        if (job.status() != PreviewJob.Status.DONE) {
            throw new PreviewNotAppliableException(PreviewNotAppliableException.Reason.NOT_DONE, job.status().name());
        }
        Map<String, String> files = jobs.candidateFiles(id)
                .map(json -> JsonColumns.read(mapper, json, new TypeReference<TreeMap<String, String>>() { }))
                .orElseThrow(() -> new PreviewNotAppliableException(PreviewNotAppliableException.Reason.NO_FILES, job.id()));
        if (!RuleSetLoader.version(files).equals(job.candidateVersion())) {
            throw new PreviewNotAppliableException(PreviewNotAppliableException.Reason.FILES_CHANGED, job.id());
        }
        return Optional.of(reloader.applyUnlessBusy(caller, files, "preview " + job.id() + " applied by " + caller.name(),
                job.activeVersion()));
    }
}
