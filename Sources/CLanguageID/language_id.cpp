#include "language_id.h"
#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <cld2/public/compact_lang_det.h>

extern "C" newsetl_language_guess newsetl_detect_language(const char *utf8, int length) {
    CLD2::Language top3[3];
    int percent3[3];
    int textBytes = 0;
    bool reliable = false;
    CLD2::Language language = CLD2::DetectLanguageSummary(
        utf8, length, /* is_plain_text */ true, top3, percent3, &textBytes, &reliable);
    newsetl_language_guess guess;
    guess.code = CLD2::LanguageCode(language);
    guess.percent = percent3[0];
    guess.reliable = reliable ? 1 : 0;
    guess.text_bytes = textBytes;
    return guess;
}
