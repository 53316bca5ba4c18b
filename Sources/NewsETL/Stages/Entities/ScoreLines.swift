/// Team names in sports results, read from the shape of the line: a score
/// line ("Chelsea 2 Southampton 0", "Bayern Munich 3 (Elber 12) Hamburg 0")
/// or a standings row ("Newcastle 3 3 0 0 7 1 9"). Results pages name teams
/// after their cities ("Leeds", "Derby"), which a tagger reads as places,
/// and often in capitals; the shape says they are organisations whatever
/// the words are.
enum ScoreLines {
    /// Name tokens a team name may have.
    static let maxNameWords = 5

    /// The (first, last) token ranges of team names in lines of these shapes.
    static func teams(in tokens: [Token], text scalars: [Unicode.Scalar]) -> [ClosedRange<Int>] {
        var teams: [ClosedRange<Int>] = []
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd + 1 < tokens.count, !scalars[tokens[lineEnd].end..<tokens[lineEnd + 1].start].contains("\n") { lineEnd += 1 }
            teams += teamsInLine(tokens, lineStart...lineEnd)
            lineStart = lineEnd + 1
        }
        return teams
    }

    private static func teamsInLine(_ tokens: [Token], _ line: ClosedRange<Int>) -> [ClosedRange<Int>] {
        guard let first = name(tokens, from: line.lowerBound, in: line) else { return [] }
        var index = first.upperBound + 1
        var scores = 0
        while index <= line.upperBound, isScore(tokens[index].text) {
            scores += 1
            index += 1
        }
        // A standings row: a name and at least five figures, nothing else.
        if scores >= 5 && index > line.upperBound { return [first] }
        guard scores == 1 else { return [] }
        // A score line: name, score, (scorers in brackets), name, score, then the end or brackets.
        if index <= line.upperBound, tokens[index].text == "(" {
            guard let close = (index...line.upperBound).first(where: { tokens[$0].text == ")" }) else { return [] }
            index = close + 1
        }
        guard index <= line.upperBound, let second = name(tokens, from: index, in: line),
              second.upperBound + 1 <= line.upperBound, isScore(tokens[second.upperBound + 1].text) else { return [] }
        let after = second.upperBound + 2
        guard after > line.upperBound || tokens[after].text == "(" else { return [] }
        return [first, second]
    }

    /// Capitalised words from `start`, at most `maxNameWords`, ending before a score.
    private static func name(_ tokens: [Token], from start: Int, in line: ClosedRange<Int>) -> ClosedRange<Int>? {
        var end = start
        while end <= line.upperBound, end - start < maxNameWords, isNameWord(tokens[end].text) { end += 1 }
        return end > start ? start...(end - 1) : nil
    }

    private static func isNameWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return first.properties.isUppercase || (word == "." || word == "-" || word == "&")
    }

    private static func isScore(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.count <= 3 && word.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
