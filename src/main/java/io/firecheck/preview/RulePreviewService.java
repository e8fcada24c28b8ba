package io.firecheck.preview;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.config.ThisInstance;
import io.firecheck.engine.Classification;
import io.firecheck.engine.EvaluationResult;
import io.firecheck.engine.Evaluator;
import io.firecheck.engine.Finding;
import io.firecheck.engine.ProbeVerdicts;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetInvalidException;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.evaluation.LatestEvaluations;
import io.firecheck.inspection.DocumentChecks;
import io.firecheck.inspection.DocumentReader;
import io.firecheck.persistence.JsonColumns;
import io.firecheck.rules.RuleBook;
import io.firecheck.rules.ThresholdEdits;
import io.firecheck.rules.ThresholdsDoNotCompileException;
import io.firecheck.security.Caller;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Rule-change impact preview: compiles a candidate rule folder, re-evaluates the latest stored inspection of
 * every building in reach with it, and reports what would change. Nothing of the evaluations or orders is
 * written; the job's progress and result go to rule_preview, where every instance can read them.
 */
@ApplicationScoped
public class RulePreviewService {
    private static final Logger LOG = Logger.getLogger(RulePreviewService.class);
    /** Buildings handed to one worker at a time. */
    static final int CHUNK = 250;
    /** How often the running job writes its progress (and so shows it is alive). */
    static final Duration PROGRESS_EVERY = Duration.ofMillis(500);
    /** A RUNNING job not heard of for this long ran on an instance that stopped. */
    static final Duration SILENT_FOR = Duration.ofSeconds(60);
    /** How long a finished preview can be read. */
    static final Duration KEPT_FOR = Duration.ofDays(1);

    private final RuleBook ruleBook;
    private final LatestEvaluations latest;
    private final PreviewJobs jobs;
    private final DocumentReader reader;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Evaluator evaluator = new Evaluator();
    private final RuleSetLoader loader;
    /** Previews this instance holds at once: one runs (it takes every core for its seconds), the others wait their turn. */
    static final int ACCEPTED = 4;
    /** A QUEUED job waits for at most the ones before it; not started after this, its instance stopped. */
    static final Duration QUEUED_FOR = Duration.ofMinutes(5);

    private final Semaphore accepted = new Semaphore(ACCEPTED);
    private final ExecutorService runner = Executors.newSingleThreadExecutor(named("rule-preview"));
    private final int threads = Runtime.getRuntime().availableProcessors();
    private final ExecutorService workers = Executors.newFixedThreadPool(threads, named("rule-preview-worker"));

    public RulePreviewService(RuleBook ruleBook, LatestEvaluations latest, PreviewJobs jobs, Validator validator,
                              ObjectMapper mapper, Clock clock, ProbeVerdicts verdicts) {
        this.ruleBook = ruleBook;
        this.latest = latest;
        this.jobs = jobs;
        this.reader = new DocumentReader(mapper, new DocumentChecks(validator));
        this.mapper = mapper;
        this.clock = clock;
        // a candidate that passes the probe here is not probed again when it is applied, here or elsewhere
        this.loader = new RuleSetLoader(clock, verdicts);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        workers.shutdownNow();
    }

    /**
     * Checks and compiles the candidate, then starts the job and answers at once with its first state.
     *
     * @throws PreviewRequestException for uploaded files that cannot be a rules folder (400)
     * @throws io.firecheck.rules.InvalidThresholdsException for threshold values that cannot be used (400)
     * @throws PreviewBusyException while this instance holds as many previews as it takes (409)
     * @throws RuleSetInvalidException when the candidate does not compile (422); for changed thresholds a
     *         {@link ThresholdsDoNotCompileException} with the candidate
     */
    public PreviewJob start(PreviewRequest request, Caller caller) throws RuleSetInvalidException {
        PreviewRequest req = request == null ? new PreviewRequest(null, null, null) : request;
        UploadedFiles.check(req);
        RuleSet serving = ruleBook.current();
        ThresholdEdits.Candidate edit = req.thresholds() == null ? null : ThresholdEdits.candidate(serving, req.thresholds());
        if (!accepted.tryAcquire()) {
            throw new PreviewBusyException();
        }
        boolean started = false;
        try {
            PreviewJob.Source source = edit != null ? PreviewJob.Source.THRESHOLDS
                    : req.files() == null ? PreviewJob.Source.DISK : PreviewJob.Source.UPLOAD;
            RuleSet candidate = switch (source) {
                case DISK -> ruleBook.folderVersion().equals(serving.version()) ? serving : loader.load(ruleBook.dir());
                case UPLOAD -> compileUnlessServing(new TreeMap<>(req.files()), "upload by " + caller.name(), serving);
                case THRESHOLDS -> compileThresholds(edit, caller, serving);
            };
            Instant now = clock.instant();
            jobs.purgeStartedBefore(now.minus(KEPT_FOR));
            String jurisdiction = req.jurisdiction() == null ? null : req.jurisdiction().strip();
            PreviewJobs.Row row = new PreviewJobs.Row(UUID.randomUUID(), caller.name(), caller.jurisdiction(), jurisdiction, source,
                    edit == null ? null : JsonColumns.write(mapper, edit.changes()), candidate.version(), serving.version(),
                    ThisInstance.NAME, PreviewJob.Status.QUEUED, 0, null, now, now, null, null, null);
            jobs.insert(row, JsonColumns.write(mapper, new TreeMap<>(candidate.sources())));
            runner.submit(() -> run(row, candidate));
            started = true;
            return view(row);
        } finally {
            if (!started) {
                accepted.release();
            }
        }
    }

    /** The set serving when the candidate holds its very files: nothing to compile (a preview of no change). */
    private RuleSet compileUnlessServing(Map<String, String> files, String origin, RuleSet serving) throws RuleSetInvalidException {
        return RuleSetLoader.version(files).equals(serving.version()) ? serving : loader.load(files, origin);
    }

    /** A failure carries the candidate, so the thresholds form can put each problem beside its field. */
    private RuleSet compileThresholds(ThresholdEdits.Candidate edit, Caller caller, RuleSet serving) throws ThresholdsDoNotCompileException {
        try {
            return compileUnlessServing(edit.files(), "threshold change by " + caller.name(), serving);
        } catch (RuleSetInvalidException e) {
            throw new ThresholdsDoNotCompileException(e, edit);
        }
    }

    /** The job if the caller may see every building it covers; empty otherwise, as if it did not exist. */
    public Optional<PreviewJob> find(UUID id, Caller caller) {
        return jobs.find(id).filter(r -> caller.cityWide() || r.callerScope() != null && caller.covers(r.callerScope())
                || r.jurisdiction() != null && caller.covers(r.jurisdiction())).map(this::view);
    }

    private PreviewJob view(PreviewJobs.Row r) {
        Instant now = clock.instant();
        boolean silent = r.status() == PreviewJob.Status.RUNNING && r.updatedAt().isBefore(now.minus(SILENT_FOR))
                || r.status() == PreviewJob.Status.QUEUED && r.updatedAt().isBefore(now.minus(QUEUED_FOR));
        List<ThresholdEdits.Change> changes = r.thresholdChanges() == null ? null
                : JsonColumns.read(mapper, r.thresholdChanges(), new TypeReference<List<ThresholdEdits.Change>>() { });
        return new PreviewJob(r.id().toString(), silent ? PreviewJob.Status.FAILED : r.status(), r.source(), changes, r.jurisdiction(),
                r.requestedBy(), r.candidateVersion(), r.activeVersion(), r.instance(), r.startedAt(), r.finishedAt(), r.done(),
                r.total(), silent ? "the instance running this preview (" + r.instance() + ") stopped reporting progress at "
                + r.updatedAt() + "; start the preview again" : r.problem(), r.result());
    }

    private void run(PreviewJobs.Row job, RuleSet candidate) {
        UUID id = job.id();
        try {
            List<String> areas = Arrays.asList(job.callerScope(), job.jurisdiction());
            int total = latest.count(areas);
            jobs.progress(id, 0, total, clock.instant());
            PreviewTally tally = new PreviewTally(job.activeVersion());
            Progress progress = new Progress(id, total, tally);
            Semaphore inFlight = new Semaphore(threads * 2);
            List<LatestEvaluations.Row> chunk = new ArrayList<>(CHUNK);
            latest.forEach(areas, row -> {
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    submit(List.copyOf(chunk), candidate, tally, inFlight);
                    chunk.clear();
                    progress.maybeWrite();
                }
            });
            submit(List.copyOf(chunk), candidate, tally, inFlight);
            while (!inFlight.tryAcquire(threads * 2, PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                progress.maybeWrite();
            }
            jobs.finish(id, tally.seen(), JsonColumns.write(mapper, tally.result()), clock.instant());
            LOG.infof("Rule preview %s of %s: %d buildings in %d ms", id, candidate.version(), tally.seen(),
                    Duration.between(job.startedAt(), clock.instant()).toMillis());
        } catch (Exception | Error e) {
            LOG.errorf(e, "Rule preview %s failed", id);
            try {
                jobs.fail(id, "the preview stopped: " + e, clock.instant());
            } catch (RuntimeException again) {
                LOG.errorf(again, "Rule preview %s: cannot record that it failed; it shows as stopped after %s", id, SILENT_FOR);
            }
        } finally {
            accepted.release();
        }
    }

    /** Waits while the workers have enough to do, so only a few chunks of documents are in memory at once. */
    private void submit(List<LatestEvaluations.Row> rows, RuleSet candidate, PreviewTally tally, Semaphore inFlight) {
        if (rows.isEmpty()) {
            return;
        }
        inFlight.acquireUninterruptibly();
        workers.execute(() -> {
            try {
                rows.forEach(row -> evaluate(row, candidate, tally));
            } finally {
                inFlight.release();
            }
        });
    }

    private void evaluate(LatestEvaluations.Row row, RuleSet candidate, PreviewTally tally) {
        PreviewTally.Stored old = new PreviewTally.Stored(row.evaluationId(), row.inspectionId(), row.buildingId(), row.jurisdiction(),
                Classification.valueOf(row.classification()), row.findings(), row.ruleSetVersion());
        try {
            EvaluationResult now = evaluator.evaluate(candidate, reader.stored(row.document()));
            tally.evaluated(old, PreviewTally.compare(old, now.classification(), now.findings().stream().map(Finding::ruleId).toList()));
        } catch (Exception e) {
            // one document the candidate cannot judge is a finding of the preview, not the end of it
            tally.failed(old, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Writes the count done at most every PROGRESS_EVERY: a poll sees it move, the table is not hammered. */
    private final class Progress {
        private final UUID id;
        private final int total;
        private final PreviewTally tally;
        private Instant last = Instant.EPOCH;

        Progress(UUID id, int total, PreviewTally tally) {
            this.id = id;
            this.total = total;
            this.tally = tally;
        }

        void maybeWrite() {
            Instant now = clock.instant();
            if (now.isBefore(last.plus(PROGRESS_EVERY))) {
                return;
            }
            last = now;
            try {
                jobs.progress(id, tally.seen(), total, now);
            } catch (RuntimeException e) {
                // progress is for the eye; the result is written at the end, and its failure is recorded
                LOG.warnf("Rule preview %s: progress not written (%s)", id, e.getMessage());
            }
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
