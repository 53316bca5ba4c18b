/// Finds the entity mentions of one text: sentences by punctuation and line
/// breaks, PER/ORG/LOC/MISC by the tagger, DATE/TIME/MONEY/PERCENT/QUANTITY
/// by `NumericRules`; each mention with its sentence index and offsets that
/// slice the text exactly.
struct EntityExtractor: Sendable {
    let tagger: EntityTagger
    let rules = NumericRules()

    struct Found: Sendable, Equatable {
        var mention: EntityMention
        var sentence: Int
    }

    func mentions(in text: String, published: String?) -> [Found] {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokens(text)
        var sentenceOfToken = [Int](repeating: 0, count: tokens.count)
        var found: [Found] = []
        var sentenceStart = 0
        var sentence = 0
        for index in tokens.indices {
            sentenceOfToken[index] = sentence
            let word = tokens[index].text
            let lineBreak = index + 1 < tokens.count && scalars[tokens[index].end..<tokens[index + 1].start].contains("\n")
            guard word == "." || word == "!" || word == "?" || lineBreak || index == tokens.count - 1 else { continue }
            let words = tokens[sentenceStart...index]
            for span in NERCorpus.spans(tagger.tag(words.map(\.text))) {
                guard let kind = EntityMention.Kind(rawValue: span.type) else { continue }
                var first = sentenceStart + span.start, last = sentenceStart + span.end - 1
                // "Russia's": the possessive belongs to the sentence, not the name.
                if last > first, tokens[last].text == "'s" || tokens[last].text == "’s" { last -= 1 }
                while first < last, !(tokens[first].text.first?.isLetter ?? false) { first += 1 }
                found.append(Found(mention: slice(kind, tokens[first].start, tokens[last].end, scalars), sentence: sentence))
            }
            sentenceStart = index + 1
            sentence += 1
        }
        found += consistentRepeats(of: found, tokens: tokens, sentenceOfToken: sentenceOfToken, scalars: scalars)
        for mention in rules.mentions(in: tokens, text: scalars, published: published) {
            let token = tokens.firstIndex { $0.start >= mention.start } ?? 0
            found.append(Found(mention: mention, sentence: sentenceOfToken[token]))
        }
        return found.sorted { ($0.mention.start, $0.mention.end) < ($1.mention.start, $1.mention.end) }
    }

    /// Document-level consistency: a name the tagger found once is the same
    /// name where it comes again untagged, and a person's surname alone
    /// ("Ryabkov said") is that person.
    private func consistentRepeats(of found: [Found], tokens: [Token], sentenceOfToken: [Int],
                                   scalars: [Unicode.Scalar]) -> [Found] {
        var covered = [Bool](repeating: false, count: tokens.count)
        var tokenAt: [Int: Int] = [:]
        for (index, token) in tokens.enumerated() { tokenAt[token.start] = index }
        var known: [(words: [String], kind: EntityMention.Kind)] = []
        for item in found {
            guard let first = tokenAt[item.mention.start] else { continue }
            var last = first
            while last + 1 < tokens.count, tokens[last + 1].end <= item.mention.end { last += 1 }
            for index in first...last { covered[index] = true }
            let words = tokens[first...last].map(\.text)
            known.append((words, item.mention.kind))
            if item.mention.kind == .person, words.count >= 2, let surname = words.last, surname.count > 2 {
                known.append(([surname], .person))
            }
        }
        known.sort { $0.words.count > $1.words.count }
        var added: [Found] = []
        var index = 0
        while index < tokens.count {
            guard !covered[index], tokens[index].text.first?.isUppercase ?? false,
                  let match = known.first(where: { entry in
                      index + entry.words.count <= tokens.count
                          && zip(entry.words, tokens[index...]).allSatisfy { $0 == $1.text }
                          && !covered[index..<(index + entry.words.count)].contains(true)
                  }) else {
                index += 1
                continue
            }
            let last = index + match.words.count - 1
            added.append(Found(mention: slice(match.kind, tokens[index].start, tokens[last].end, scalars), sentence: sentenceOfToken[index]))
            for position in index...last { covered[position] = true }
            index = last + 1
        }
        return added
    }

    private func slice(_ kind: EntityMention.Kind, _ start: Int, _ end: Int, _ scalars: [Unicode.Scalar]) -> EntityMention {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return EntityMention(kind: kind, text: String(view), start: start, end: end)
    }
}
