#ifndef NEWSETL_LANGUAGE_ID_H
#define NEWSETL_LANGUAGE_ID_H
/* A C face for CLD2 (Compact Language Detector 2, Debian libcld2-dev), whose
   own interface is C++: Swift calls this, the .cpp calls CLD2. */
#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    /* CLD2's code for the most likely language ("en", "zh-Hant", "iw", …),
       static storage; "un" when CLD2 knows none. */
    const char *code;
    /* Share of the text's letters in that language, 0...100. */
    int percent;
    /* CLD2's own judgement that the answer is clearly ahead of the next. */
    int reliable;
    /* Letters CLD2 scored (tags and punctuation skipped). */
    int text_bytes;
} newsetl_language_guess;

/* `utf8` must be valid UTF-8 of `length` bytes; thread safe. */
newsetl_language_guess newsetl_detect_language(const char *utf8, int length);

#ifdef __cplusplus
}
#endif
#endif
