#!/bin/sh
# Issue 5 benchmark: document types and fields on rendered pages the type model was not trained on, through
# real Tesseract OCR. Usage: bench/classify/run.sh [work-dir] [corpus/legal-text] [round]
# Round 1 (default) is a set nobody tuned on; round 0 is the set the extractors were tuned on.
# A second run with the same work directory reuses the OCR results kept there (delete <work>/ocr to redo OCR).
set -eu
cd "$(dirname "$0")/../.."
work="${1:-bench/classify/target}"
corpus="${2:-../shared/corpus/legal-text}"
round="${3:-1}"
mkdir -p "$work"
mvn -q -B -Dstyle.color=never -pl pipeline -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$work/classpath.txt"
. bin/native-env
exec java -Xmx2g $SOHOA_JVM_MEMORY -cp "pipeline/target/test-classes:pipeline/target/classes:$(cat "$work/classpath.txt")" \
    vn.sohoa.pipeline.classify.ClassificationBenchmark "$work" "$corpus" "$round"
