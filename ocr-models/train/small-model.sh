#!/usr/bin/env bash
# Trains SoHoa's small Vietnamese recognition model ("vie_sohoa_small") from scratch with the tools Debian
# ships (tesseract-ocr: text2image, unicharset_extractor, combine_lang_model, lstmtraining), on the shared
# corpus's legal text, leaving out the documents the benchmark's pages are rendered from.
#   ocr-models/train/small-model.sh [--iterations N] [--first-phase N] [--work DIR]
# Writes DIR/vie_sohoa_small.traineddata (integer, "fast") and DIR/training.log. About 35 iterations a second
# on one core of the 2-core benchmark machine; see ocr-models/train/README.md for what it measured.
# Installs the fonts it renders with (Debian packages) through bin/setup.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CORPUS="${SOHOA_SHARED:-$ROOT/../shared}/corpus/legal-text"
ITERATIONS=71700
FIRST_PHASE=50000
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
"$ROOT/bin/setup" fonts-freefont-ttf fonts-crosextra-carlito fonts-noto-core fonts-open-sans fonts-roboto-unhinted
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

# 3. every line rendered twice (chunks of 400 lines, each time in another font) by text2image, and once more
#    with its distortion (noise, blur; not inverted) for the second phase: 10-14 pt, 150/200/300 dpi, exposures
#    -1..1, text2image's own speckle and erosion; then their line images and transcriptions (.lstmf). The fonts:
#    Times-metric serifs above all (the offices' Times New Roman: Liberation Serif, FreeSerif), the sans serifs
#    of forms and headings (Arial: Liberation Sans; Helvetica: FreeSans; Verdana: DejaVu Sans; Calibri:
#    Carlito; Noto, Open Sans, Roboto) and typewriter faces (Courier New: Liberation Mono, FreeMono), upright,
#    bold and italic. Four chunks are kept for evaluation, in none of the training renderings.
python3 - "$(wc -l < train.txt)" <<'PY'
import random, sys
chunks = (int(sys.argv[1]) + 399) // 400
fonts = ['Liberation Serif'] * 8 + ['Liberation Serif Bold'] * 2 + ['Liberation Serif Italic'] * 2 + [
    'Liberation Serif Bold Italic', 'FreeSerif', 'FreeSerif', 'FreeSerif Bold', 'FreeSerif Italic',
    'Noto Serif', 'Noto Serif Bold', 'Noto Serif Italic', 'DejaVu Serif', 'DejaVu Serif Bold',
    'DejaVu Serif Italic'] + ['Liberation Sans'] * 3 + ['Liberation Sans Bold'] * 2 + [
    'Liberation Sans Italic', 'Liberation Sans Bold Italic', 'FreeSans', 'FreeSans Oblique', 'FreeSans Semi-Bold',
    'Noto Sans', 'Noto Sans Bold', 'Noto Sans Italic', 'Open Sans', 'Open Sans Italic', 'Roboto', 'Roboto Bold',
    'Carlito', 'Carlito Bold', 'Carlito Italic', 'DejaVu Sans', 'DejaVu Sans Bold', 'DejaVu Sans Oblique'] + [
    'Liberation Mono', 'Liberation Mono', 'Liberation Mono Bold', 'FreeMono', 'DejaVu Sans Mono', 'Noto Sans Mono']
n = len(fonts)

def jobs(name, seed, renders):
    """One render job a line: output name, chunk, font, size (pt), resolution (dpi), exposure."""
    r = random.Random(seed)
    with open(name, 'w') as out:
        for base, k, font in renders:
            print(base, k, '"%s"' % font, r.choice([10, 11, 12, 13, 14]), r.choice([150, 200, 300]),
                  r.choice([-1, 0, 0, 1]), file=out)

jobs('jobs.txt', 5, [('c%d' % k, k, fonts[k % n]) for k in range(chunks)]
     + [('e%d' % k, k, fonts[(k * 7 + 3) % n]) for k in range(chunks)])
jobs('jobs2.txt', 9, [('d%d' % k, k, fonts[(k * 11 + 5) % n]) for k in range(chunks)])  # for 3b
with open('eval-chunks.txt', 'w') as out:
    print('|'.join(str(k) for k in range(chunks - 5, chunks - 1)), file=out)
PY
cat > render.sh <<'SH'
#!/usr/bin/env bash
set -euo pipefail
base=data/$1; k=$2; font=$3; pt=$4; res=$5; exposure=$6
sed -n "$((k * 400 + 1)),$((k * 400 + 400))p" train.txt > $base.txt
text2image --text $base.txt --outputbase $base --font "$font" --fonts_dir /usr/share/fonts --ptsize $pt \
  --resolution $res --exposure $exposure --char_spacing 0 --leading 12 --xsize $((res * 85 / 10)) \
  --ysize $((res * 11)) --margin $((res / 2)) > /dev/null 2>&1 || true
# a font that cannot set the chunk (wide typewriter faces at 14 pt on a 150 dpi page) leaves no boxes: skipped
if [ ! -s $base.box ] || ! tesseract $base.tif $base --psm 6 lstm.train > /dev/null 2>&1; then
  echo "small-model.sh: $base ($font, $pt pt, $res dpi) not rendered, left out" >&2
  rm -f $base.tif $base.box $base.lstmf
  exit 0
fi
rm -f $base.tif
SH
chmod +x render.sh
xargs -P "$(nproc)" -L 1 ./render.sh < jobs.txt
held="$(cat eval-chunks.txt)"
training_renderings() {  # every rendering so far of the chunks not held out, shuffled the same way each run
  ls data/*.lstmf | grep -Ev "data/[a-z]($held)\.lstmf" | shuf --random-source=<(yes)
}
training_renderings > train.list
ls data/*.lstmf | grep -E "data/[a-z]($held)\.lstmf" > eval.list

# 3b. the distorted renderings, added for the second phase
sed -e 's|--margin $((res / 2))|--margin $((res / 2)) --distort_image --invert=false|' render.sh > render-distorted.sh
chmod +x render-distorted.sh
xargs -P "$(nproc)" -L 1 ./render-distorted.sh < jobs2.txt
training_renderings > train2.list

# 4. training from scratch: FIRST_PHASE (50,000) iterations on the clean renderings, then on clean and distorted together;
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
