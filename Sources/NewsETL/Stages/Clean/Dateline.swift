/// A paragraph that is only a date, perhaps with a weekday, a time, a place
/// or "Posted … | Updated …": page furniture, not article text.
enum Dateline {
    static let maxWords = 14
    private static let furniture = DateParser.datelineFurniture

    static func isDateline(_ text: String, key: LineKey) -> Bool {
        guard key.wordCount <= maxWords, DateParser.parseDateline(text) != nil else { return false }
        let otherWords = key.words.filter { word in
            !(word.first?.isNumber ?? false) && !furniture.contains(word)
        }
        return otherWords.isEmpty || (otherWords.count <= 2 && !StructuralCut.endsLikeSentence(text))
    }
}
