// The words of a page Tesseract has recognized, in one call (see TesseractWords.java). Tesseract's
// ResultIterator reorders each line for right-to-left text: every step to the next word restarts the line from
// the start of the page (PAGE_RES_IT::restart_row), several times, so reading a page's words that way costs in
// proportion to the square of their number (35-40 ms for the 600 words of a dense page, against 1 ms for 100).
// Vietnamese is written left to right, so the iterator's left-to-right base class, called directly here, gives
// the same words in the same order in one pass.
//
// One line of text per word: "<block> <line> <orientation> <writing direction> <line order> <left> <top> <right>
// <bottom> <confidence>\t<text>\n", block and line 1 when the word starts one (the three orientation fields
// are those of the word's block; the text is empty when Tesseract has none for the word). The caller frees the result with sohoa_words_free.
//
// With choices (Tesseract run with lstm_choice_mode 1 or 2), each word's line goes on after the text with one
// field a symbol, "\t<choice> <rating>[ <choice> <rating>...]", best first, empty when the symbol has none:
// the alternatives ChoiceIterator gives (the LSTM decoder's best path and lstm_choice_iterations more decodings,
// each with the symbols chosen before excluded), read from the word's list in one step instead of an iterator
// copy a symbol. The rating is the decoder's cost (0 best); ChoiceIterator's confidence is 100 minus
// lstm_rating_coefficient times it, clipped to 0-100. Whitespace in a choice is written as '_'.
//
// Only member functions are called, by their names, and only pointers and numbers cross: the library works
// with any libtesseract 5 loaded into the process's global scope (it is not linked to one).
#include <tesseract/resultiterator.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

using tesseract::LTRResultIterator;
using tesseract::PageIterator;
using tesseract::ResultIterator;

// A word's choices as ChoiceIterator finds them: the word's list starts with the choices of the space before
// it when the recognizer saw one there, skipped, and spaces are no choice.
static void append_choices(ResultIterator *it, std::string &out) {
  const std::vector<std::vector<std::pair<const char *, float>>> *symbols = it->GetBestLSTMSymbolChoices();
  if (symbols == nullptr || symbols->empty()) {
    return;
  }
  size_t first = 0;
  const std::vector<std::pair<const char *, float>> &lead = symbols->front();
  if (it->LTRResultIterator::BlanksBeforeWord() > 0 && (lead.empty() || strcmp(lead.front().first, " ") == 0)) {
    first = 1;
  }
  char rating[32];
  for (size_t s = first; s < symbols->size(); s++) {
    out += '\t';
    bool any = false;
    for (const std::pair<const char *, float> &choice : (*symbols)[s]) {
      if (choice.first == nullptr || strcmp(choice.first, " ") == 0) {
        continue;
      }
      if (any) {
        out += ' ';
      }
      any = true;
      for (const char *c = choice.first; *c != '\0'; c++) {
        out += (*c == ' ' || *c == '\n' || *c == '\t') ? '_' : *c;
      }
      snprintf(rating, sizeof rating, " %.9g", choice.second);
      out += rating;
    }
  }
}

extern "C" char *sohoa_words(ResultIterator *it, int with_choices) {
  std::string out;
  if (it != nullptr) {
    it->PageIterator::Begin();
    tesseract::Orientation orientation = tesseract::ORIENTATION_PAGE_UP;
    tesseract::WritingDirection direction = tesseract::WRITING_DIRECTION_LEFT_TO_RIGHT;
    tesseract::TextlineOrder order = tesseract::TEXTLINE_ORDER_TOP_TO_BOTTOM;
    float deskew = 0;
    char fields[160];
    do {
      bool block = it->PageIterator::IsAtBeginningOf(tesseract::RIL_BLOCK);
      bool line = it->PageIterator::IsAtBeginningOf(tesseract::RIL_TEXTLINE);
      if (block) {
        it->Orientation(&orientation, &direction, &order, &deskew);
      }
      // a word without text (none recognized) still carries where its block and line begin
      char *text = it->LTRResultIterator::GetUTF8Text(tesseract::RIL_WORD);
      int left = 0, top = 0, right = 0, bottom = 0;
      it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom);
      float confidence = it->LTRResultIterator::Confidence(tesseract::RIL_WORD);
      snprintf(fields, sizeof fields, "%d %d %d %d %d %d %d %d %d %.9g\t", block, line, (int)orientation,
               (int)direction, (int)order, left, top, right, bottom, confidence);
      out += fields;
      for (char *c = text; c != nullptr && *c != '\0'; c++) {
        out += (*c == '\n' || *c == '\t') ? ' ' : *c;
      }
      if (with_choices && text != nullptr && *text != '\0') {
        append_choices(it, out);
      }
      out += '\n';
      delete[] text;
    } while (it->PageIterator::Next(tesseract::RIL_WORD));
  }
  char *result = static_cast<char *>(malloc(out.size() + 1));
  if (result != nullptr) {
    memcpy(result, out.c_str(), out.size() + 1);
  }
  return result;
}

extern "C" void sohoa_words_free(char *words) { free(words); }
