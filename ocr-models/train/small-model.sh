#!/usr/bin/env bash
# Trains SoHoa's small Vietnamese recognition model ("vie_sohoa_small") from scratch with the tools Debian
# ships (tesseract-ocr: text2image, unicharset_extractor, combine_lang_model, lstmtraining), on the shared
# corpus's legal text, leaving out the documents the benchmark's pages are rendered from.
#   ocr-models/train/small-model.sh [--iterations N] [--first-phase N] [--work DIR]
# Writes DIR/vie_sohoa_small.traineddata (integer, "fast") and DIR/training.log. About 35 iterations a second
# on one core of the 2-core benchmark machine; see ocr-models/train/README.md for what it measured.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CORPUS="${SOHOA_SHARED:-$ROOT/../shared}/corpus/legal-text"
ITERATIONS=120900
FIRST_PHASE=38000
WORK="$ROOT/ocr-models/target/train"
while [ $# -gt 0 ]; do
  case "$1" in
    --iterations) ITERATIONS="$2"; shift 2 ;;
    --first-phase) FIRST_PHASE="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    *) echo "small-model.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
TESSDATA="${TESSDATA_PREFIX:-/usr/share/tesseract-ocr/5/tessdata}"
NET='[1,24,0,1 Ct3,3,16 Mp3,3 Lfys32 Lfx64 Lrx64 Lfx128 O1c1]'
# the documents of bench/run's default set (seed 3): never trained on
HELD_OUT="doc_000005 doc_000009 doc_000161 doc_000285 doc_000347 doc_000352 doc_000380 doc_000471"
export OMP_THREAD_LIMIT=1
mkdir -p "$WORK/data" "$WORK/script" "$WORK/starter/vie_sohoa_small" "$WORK/out"
cd "$WORK"

# 1. text lines of 30 to 70 characters from the legal text, shuffled
python3 - "$CORPUS" "$HELD_OUT" > train.txt <<'PY'
import os, random, sys, unicodedata
src, held = sys.argv[1], set(sys.argv[2].split())
lines = []
for name in sorted(os.listdir(src)):
    if not name.endswith('.txt') or name[:-4] in held:
        continue
    for para in open(os.path.join(src, name), encoding='utf-8'):
        words = unicodedata.normalize('NFC', para.strip()).split()
        line = ''
        for word in words:
            if line and len(line) + len(word) + 1 > random.Random(len(lines)).randint(30, 70):
                lines.append(line)
                line = word
            else:
                line = (line + ' ' + word).strip()
        if line:
            lines.append(line)
random.Random(1).shuffle(lines)
print('\n'.join(lines))
PY

# 2. the character set, and a starter traineddata with vie's word lists (no radical table: Latin script)
unicharset_extractor --output_unicharset vie_sohoa_small.unicharset --norm_mode 1 train.txt > /dev/null 2>&1
printf '# no radicals: Latin script\n' > script/radical-stroke.txt
cp "$TESSDATA/vie.traineddata" vie.traineddata
combine_tessdata -u vie.traineddata vie. > /dev/null
for list in word punc number; do
  dawg2wordlist vie.lstm-unicharset vie.lstm-$list-dawg $list.txt > /dev/null 2>&1
done
combine_lang_model --input_unicharset vie_sohoa_small.unicharset --script_dir script --words word.txt \
  --puncs punc.txt --numbers number.txt --output_dir starter --lang vie_sohoa_small > /dev/null 2>&1

# 3. 120 chunks of 400 lines rendered in the serif and sans fonts the offices use (Times-metric Liberation
#    Serif above all), 10-14 pt, 150/200/300 dpi, exposures -1..1, text2image's own degradation, and their
#    line images and transcriptions (.lstmf)
python3 - <<'PY'
import random
fonts = ['Liberation Serif'] * 6 + ['Liberation Serif Bold'] * 2 + ['Liberation Serif Italic'] * 2 \
    + ['Liberation Sans'] * 2 + ['Liberation Sans Bold', 'DejaVu Serif', 'DejaVu Sans', 'DejaVu Serif Bold',
                                'Liberation Serif Bold Italic']

def jobs(name, seed, chunks):
    """One render job a line: chunk, font, size (pt), resolution (dpi), exposure."""
    r = random.Random(seed)
    with open(name, 'w') as out:
        for k, font in chunks:
            print(k, '"%s"' % font, r.choice([10, 11, 12, 13, 14]), r.choice([150, 200, 300]),
                  r.choice([-1, 0, 0, 1]), file=out)

jobs('jobs.txt', 5, [(k, fonts[k % len(fonts)]) for k in range(120)])
jobs('jobs2.txt', 9, [(k * 2 + 1, fonts[(k * 7) % len(fonts)]) for k in range(60)])  # for 3b
PY
cat > render.sh <<'SH'
#!/usr/bin/env bash
set -euo pipefail
k=$1; font=$2; pt=$3; res=$4; exposure=$5; base=data/c$k
sed -n "$((k * 400 + 1)),$((k * 400 + 400))p" train.txt > $base.txt
text2image --text $base.txt --outputbase $base --font "$font" --fonts_dir /usr/share/fonts --ptsize $pt \
  --resolution $res --exposure $exposure --char_spacing 0 --leading 12 --xsize $((res * 85 / 10)) \
  --ysize $((res * 11)) --margin $((res / 2)) > /dev/null 2>&1
tesseract $base.tif $base --psm 6 lstm.train > /dev/null 2>&1
rm -f $base.tif
SH
chmod +x render.sh
xargs -P "$(nproc)" -L 1 ./render.sh < jobs.txt
ls data/*.lstmf | grep -v 'data/c11[6-9]\.' > train.list
ls data/c11[6-9].lstmf > eval.list

# 3b. 60 chunks more with text2image's distortion (noise, blur; not inverted), for the second phase
sed -e 's|base=data/c$k|base=data/d$k|' -e 's|--margin $((res / 2))|--margin $((res / 2)) --distort_image --invert=false|' \
  render.sh > render-distorted.sh
chmod +x render-distorted.sh
xargs -P "$(nproc)" -L 1 ./render-distorted.sh < jobs2.txt
(cat train.list; ls data/d*.lstmf) | shuf --random-source=<(yes) > train2.list

# 4. training from scratch: FIRST_PHASE (38,000) iterations on the clean renderings, then on clean and distorted together;
#    and the integer model
lstmtraining --traineddata starter/vie_sohoa_small/vie_sohoa_small.traineddata --net_spec "$NET" \
  --model_output out/small --learning_rate 0.002 --train_listfile train.list --eval_listfile eval.list \
  --max_iterations "$FIRST_PHASE" --target_error_rate 0.005 > training.log 2>&1
lstmtraining --traineddata starter/vie_sohoa_small/vie_sohoa_small.traineddata --continue_from out/small_checkpoint \
  --model_output out/small --learning_rate 0.002 --train_listfile train2.list --eval_listfile eval.list \
  --max_iterations "$ITERATIONS" --target_error_rate 0.005 >> training.log 2>&1
lstmtraining --stop_training --convert_to_int --continue_from out/small_checkpoint \
  --traineddata starter/vie_sohoa_small/vie_sohoa_small.traineddata --model_output vie_sohoa_small.traineddata
echo "small-model.sh: $WORK/vie_sohoa_small.traineddata"
