#!/usr/bin/env python3
"""Where a request's CPU samples go: bench/jfr-split.py rec.jfr [buckets-file].
Each execution sample is put in ONE bucket. Buckets are "name<TAB>substring" lines in two parts separated by a
line "--". Above it, the application's steps: the first bucket, in the list's order, with a pattern that any frame
of the stack contains (list the specific before the general). Below it, the framework's layers, which call one
another back and forth: the bucket of the innermost frame (nearest the top) that matches. Else "other, event
loop" or "other, worker". The default list is the dry-run path's.
Prints % of all samples of the HTTP threads (event loops and workers) per bucket."""
import collections, sys
import jfr

DEFAULT = """\
evaluation: Drools fireAllRules\tfireAllRules
evaluation: Drools insert\tStatefulKnowledgeSessionImpl.insert
evaluation: session reset (pool)\tSessionPool.giveBack
evaluation: not-assessed\tEvaluator.notAssessed
evaluation: determination\tDetermination.decide
evaluation: rest\tEvaluator.evaluate
token check (cached)\tVerifiedTokens.verify
response: serialise to JSON\tJsonColumns.write
response: build record\tEvaluationResponse.of
validation: Bean Validation, JPA traversable check\tPersistenceUtilHelper
validation: Bean Validation + cross-field\tDocumentChecks.check
input: JsonShape\tJsonShape.check
input: tree -> record bind\tObjectMapper.treeToValue
input: parse to a tree\tObjectMapper.readTree
input: other of DocumentReader\tDocumentReader.
micrometer\tio.micrometer.
micrometer\tEvaluationService.count
resource/service, rest\tEvaluationService.
resource/service, rest\tEvaluationResource.
--
body read on event loop\tBodySizeLimit
token check, rest of security\tio.quarkus.smallrye.jwt.
token check, rest of security\tio.smallrye.jwt.
token check, rest of security\torg.jose4j.
token check, rest of security\tio.quarkus.vertx.http.runtime.security.
token check, rest of security\tio.quarkus.resteasy.reactive.server.runtime.security.
token check, rest of security\tio.quarkus.security.
worker hand-off\tEnhancedQueueExecutor.execute
worker hand-off\tEnhancedQueueExecutor.tryExecute
worker hand-off\tPoolThreadNode.park
worker hand-off\tLockSupport.unpark
RESTEasy: write response\torg.jboss.resteasy.reactive.server.core.serialization
RESTEasy: write response\tServerSerialisers
RESTEasy: write response\tMessageBodyWriter
RESTEasy: handler chain\torg.jboss.resteasy.reactive
RESTEasy: handler chain\tio.quarkus.resteasy.reactive
CDI / context\tio.quarkus.arc.
Vert.x HTTP\tio.vertx.
Vert.x HTTP\tio.quarkus.vertx.
Netty\tio.netty.
"""

rec = sys.argv[1]
text = open(sys.argv[2]).read() if len(sys.argv) > 2 else DEFAULT
steps, layers = ([tuple(l.split("\t", 1)) for l in part.splitlines() if l.strip() and not l.startswith("#")]
                 for part in text.split("\n--\n"))
count, total = collections.Counter(), 0
for e in jfr.events(rec, ["jdk.ExecutionSample"]):
    thread = (e["values"].get("sampledThread") or {}).get("javaName") or "?"
    if "eventloop" in thread:
        pool = "event loop"
    elif thread.startswith("executor-thread"):
        pool = "worker"
    else:
        continue
    total += 1
    frames = jfr.frames(e)
    name = (next((b for b, s in steps if any(s in f for f in frames)), None)
            or next((b for f in frames for b, s in layers if s in f), None))
    count[name or f"other, {pool}"] += 1
print(f"{total} samples on event-loop and worker threads")
for name, k in sorted(count.items(), key=lambda x: -x[1]):
    print(f"{100.0 * k / total:5.1f}%  {name}")
