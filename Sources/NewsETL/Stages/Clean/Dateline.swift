/// A paragraph that is only a date, perhaps with a weekday, a time, a place
/// or "Posted … | Updated …": page furniture, not article text.
enum Dateline {
    static let maxWords = 14
    /// Words a dateline may hold besides the date itself.
    private static let furniture: Set<String> = [
        "posted", "published", "updated", "last", "modified", "on", "at", "am", "pm", "gmt", "utc", "et", "est", "edt",
        "cet", "cest", "bst", "pst", "pdt", "ist", "date", "time", "created", "filed", "issued", "st", "nd", "rd", "th",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu",
        "fri", "sat", "sun", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "h", "hrs", "ago", "of",
    ]

    static func isDateline(_ text: String, key: LineKey) -> Bool {
        guard key.wordCount <= maxWords, DateParser.parseDateline(text) != nil else { return false }
        let otherWords = key.words.filter { word in
            !(word.first?.isNumber ?? false) && !furniture.contains(word)
        }
        return otherWords.isEmpty || (otherWords.count <= 2 && !StructuralCut.endsLikeSentence(text))
    }
}
