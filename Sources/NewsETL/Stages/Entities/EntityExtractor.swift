/// Finds the entity mentions of one text: sentences by punctuation and line
/// breaks, PER/ORG/LOC/MISC by the tagger, DATE/TIME/MONEY/PERCENT/QUANTITY
/// by `NumericRules`; each mention with its sentence index and offsets that
/// slice the text exactly.
///
/// Every pass is linear in the text (or n log n: sorting, binary searches
/// over token offsets), so a report of many megabytes costs in proportion
/// to its length, never to its length squared.
struct EntityExtractor: Sendable {
    /// nil: the built-in model, loaded on first use (see `loadModels`).
    private let customTagger: EntityTagger?
    private var tagger: EntityTagger { customTagger ?? .builtIn }
    let rules = NumericRules()
    /// What the tagger knows of words seen in earlier sentences and documents.
    private let wordFacts = WordFactsTables()
    /// Names from the config that are always entities of their type, as token sequences, longest first.
    let userNames: [(words: [String], kind: EntityMention.Kind)]

    init(tagger: EntityTagger? = nil, userNames: [EntityMention.Kind: [String]] = [:]) {
        customTagger = tagger
        self.userNames = userNames.flatMap { kind, names in names.map { (Tokenizer.tokens($0).map(\.text), kind) } }
            .filter { !$0.0.isEmpty }
            .sorted { ($0.0.count, $0.0.joined(separator: " ")) > ($1.0.count, $1.0.joined(separator: " ")) }
    }

    /// Loads the tagger and the tables its features read, if not yet loaded.
    func loadModels() {
        _ = tagger
        _ = WordClusters.shared
        _ = Gazetteer.shared
    }

    struct Found: Sendable, Equatable {
        var mention: EntityMention
        var sentence: Int
    }

    func mentions(in text: String, published: String?) -> [Found] {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokens(scalars: scalars)
        // Each token's word facts are found once, by one look-up of its
        // string: the gazetteer and the tagger then read them by id.
        let (tagged, sentenceOfToken, keys) = wordFacts.withTable { table in
            let ids = tokens.map { table.id(of: $0.text) }
            let keys = ids.map { table.facts[Int($0)].gazetteer }
            let (found, sentenceOfToken) = taggedNames(tokens, text: text, scalars: scalars, ids: ids, keys: keys, table: table)
            return (found, sentenceOfToken, keys)
        }
        var found = tagged
        let teams = ScoreLines.teams(in: tokens, text: scalars).map { range in
            Found(mention: slice(.organization, tokens[range.lowerBound].start, tokens[range.upperBound].end, scalars),
                  sentence: sentenceOfToken[range.lowerBound])
        }
        found = Self.removingOverlaps(of: found, with: teams) + teams
        let datelines = DatelinePlaces.places(in: scalars).map { range in
            let token = Self.firstToken(atOrAfter: range.lowerBound, in: tokens)
            return Found(mention: slice(.location, range.lowerBound, range.upperBound, scalars),
                         sentence: token < tokens.count ? sentenceOfToken[token] : 0)
        }
        found = Self.removingOverlaps(of: found, with: datelines) + datelines
        found = applyUserNames(to: found, tokens: tokens, sentenceOfToken: sentenceOfToken, scalars: scalars)
        found = gazetteerNames(completing: found, annotations: Gazetteer.shared.annotate(keys: keys), tokens: tokens,
                               sentenceOfToken: sentenceOfToken, scalars: scalars)
        found += consistentRepeats(of: found, tokens: tokens, sentenceOfToken: sentenceOfToken, scalars: scalars)
        found = surnamesArePeople(found)
        found = OrganisationCues.apply(to: found, tokens: tokens)
        // A date, amount or quantity is read from its whole notation: a name the
        // tagger saw inside it ("Rs" of "Rs. 7,805 crore", "Jan" of "Jan 8") goes.
        // A team's name in a results line stays whole ("Sheffield Wednesday").
        let numeric = Self.removingOverlaps(of: rules.mentions(in: tokens, text: scalars, published: published).map { mention in
            let token = Self.firstToken(atOrAfter: mention.start, in: tokens)
            return Found(mention: mention, sentence: token < tokens.count ? sentenceOfToken[token] : 0)
        }, with: teams)
        found = Self.removingOverlaps(of: found, with: numeric) + numeric
        return found.sorted { ($0.mention.start, $0.mention.end) < ($1.mention.start, $1.mention.end) }
    }

    /// The names the tagger finds sentence by sentence, corrected with the
    /// gazetteers; and each token's sentence.
    private func taggedNames(_ tokens: [Token], text: String, scalars: [Unicode.Scalar], ids: [Int32], keys: [Gazetteer.WordKeys],
                             table: WordFactsTable) -> (found: [Found], sentenceOfToken: [Int]) {
        // In hard-wrapped wire copy a line break inside a paragraph is a space, not a sentence end ("Hong\nKong").
        let wrappedParagraphs = Paragraph.wrappedRanges(text)
        var nextWrapped = 0
        var sentenceOfToken = [Int](repeating: 0, count: tokens.count)
        var found: [Found] = []
        var sentenceStart = 0
        var sentence = 0
        for index in tokens.indices {
            sentenceOfToken[index] = sentence
            let word = tokens[index].text
            var lineBreak = false
            if index + 1 < tokens.count, scalars[tokens[index].end..<tokens[index + 1].start].contains("\n") {
                // Token ends only grow: the paragraph that may hold this break is at or after the last one looked at.
                let end = tokens[index].end
                while nextWrapped < wrappedParagraphs.count, wrappedParagraphs[nextWrapped].upperBound <= end { nextWrapped += 1 }
                let insideWrapped = nextWrapped < wrappedParagraphs.count && wrappedParagraphs[nextWrapped].contains(end)
                    && wrappedParagraphs[nextWrapped].contains(tokens[index + 1].start)
                lineBreak = !insideWrapped || lineIsInCapitals(endingAt: end, scalars)
            }
            guard word == "." || word == "!" || word == "?" || lineBreak || index == tokens.count - 1 else { continue }
            let words = tokens[sentenceStart...index].map(\.text)
            let annotations = Gazetteer.shared.annotate(keys: Array(keys[sentenceStart...index]))
            let tags = tagger.tag(ids: ids[sentenceStart...index], gazetteer: annotations, known: table)
            for tagged in NERCorpus.spans(tags) {
                for span in reconcile(withFirstName(tagged, words, tags, annotations), annotations) {
                guard let kind = EntityMention.Kind(rawValue: span.type) else { continue }
                var first = sentenceStart + span.start, last = sentenceStart + span.end - 1
                // "Russia's": the possessive belongs to the sentence, not the name.
                if last > first, tokens[last].text == "'s" || tokens[last].text == "’s" { last -= 1 }
                // A name runs on into the sentence ("Valmora harbour reopens"): two or
                // more lowercase words at its end are not part of it ("Huallaga river" is).
                var lowercaseEnd = last
                while lowercaseEnd > first, Self.isLowercaseWord(tokens[lowercaseEnd].text) { lowercaseEnd -= 1 }
                if last - lowercaseEnd >= 2 { last = lowercaseEnd }
                while first < last, !(tokens[first].text.first?.isLetter ?? false) { first += 1 }
                // English writes names with a capital somewhere ("eBay", "de Gaulle"); "council" is not one.
                guard tokens[first...last].contains(where: { $0.text.unicodeScalars.contains { $0.properties.isUppercase } }) else { continue }
                found.append(Found(mention: slice(kind, tokens[first].start, tokens[last].end, scalars), sentence: sentence))
                }
            }
            sentenceStart = index + 1
            sentence += 1
        }
        return (found, sentenceOfToken)
    }

    private static func isLowercaseWord(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isLowercase }
    }

    /// The index of the first token starting at or after `offset` (tokens are
    /// in text order); `tokens.count` when there is none.
    static func firstToken(atOrAfter offset: Int, in tokens: [Token]) -> Int {
        tokens.partitionPoint { $0.start < offset }
    }

    /// Whether the line ending at `end` is written in capitals, as a
    /// headline above hard-wrapped wire copy is: it stays a sentence of its own.
    private func lineIsInCapitals(endingAt end: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        let start = scalars[..<end].lastIndex(of: "\n").map { $0 + 1 } ?? 0
        return LetterCase.isMostlyCapitals(scalars[start..<end])
    }

    /// Every occurrence of a configured name becomes a mention of its type,
    /// replacing tagged mentions it overlaps.
    private func applyUserNames(to found: [Found], tokens: [Token], sentenceOfToken: [Int], scalars: [Unicode.Scalar]) -> [Found] {
        guard !userNames.isEmpty else { return found }
        var added: [Found] = []
        var index = 0
        while index < tokens.count {
            guard let match = userNames.first(where: { entry in
                index + entry.words.count <= tokens.count && zip(entry.words, tokens[index...]).allSatisfy { $0 == $1.text }
            }) else {
                index += 1
                continue
            }
            let last = index + match.words.count - 1
            added.append(Found(mention: slice(match.kind, tokens[index].start, tokens[last].end, scalars), sentence: sentenceOfToken[index]))
            index = last + 1
        }
        return Self.removingOverlaps(of: found, with: added) + added
    }

    /// `found` without the mentions that overlap one of `winners`, which are
    /// in text order and do not overlap each other (their ends grow too, so
    /// one binary search finds the only candidate).
    static func removingOverlaps(of found: [Found], with winners: [Found]) -> [Found] {
        guard !winners.isEmpty else { return found }
        return found.filter { item in
            let low = winners.partitionPoint { $0.mention.end <= item.mention.start }
            return !(low < winners.count && winners[low].mention.start < item.mention.end)
        }
    }

    /// A person's name the tagger cut short by a word it left out: a
    /// capitalised first name just before a short name ("Sergei" of "Russia
    /// Sergei Ryabkov", "Jean-Pierre" of "Jean-Pierre Lacroix"), or, after a
    /// lone first name, the capitalised surname the tagger read as a common
    /// word ("Slaughter" of "Anne-Marie Slaughter").
    private func withFirstName(_ span: (type: String, start: Int, end: Int), _ words: [String], _ tags: [String],
                               _ annotations: [[(list: Gazetteer.List, isFirst: Bool)]]) -> (type: String, start: Int, end: Int) {
        func isFirstName(_ index: Int) -> Bool {
            let parts = words[index].split(separator: "-").map(String.init)
            return annotations[index].contains { $0.list == .firstName }
                || (parts.count > 1 && parts.allSatisfy { !Gazetteer.shared.annotate([$0])[0].filter { $0.list == .firstName }.isEmpty })
        }
        func isCapitalisedWord(_ index: Int) -> Bool {
            tags[index] == "O" && words[index].unicodeScalars.first?.properties.isUppercase == true
                && words[index].unicodeScalars.dropFirst().contains { $0.properties.isLowercase }
        }
        let after = span.end
        if span.type == "PER", span.end - span.start == 1, after < words.count, isFirstName(span.start), isCapitalisedWord(after),
           annotations[after].isEmpty {
            return ("PER", span.start, after + 1)
        }
        let before = span.start - 1
        guard before >= 0, tags[before] == "O", span.end - span.start <= 2,
              words[before].unicodeScalars.first?.properties.isUppercase == true,
              !annotations[span.start].contains(where: { $0.list == .place || $0.list == .organisation }) else { return span }
        return isFirstName(before) ? ("PER", before, span.end) : span
    }

    /// Corrects a tagged span with what the gazetteers know for sure: a
    /// span that is exactly a known organisation is one ("White House"); a
    /// place glued to a person is two mentions ("Russia" + "Sergei Ryabkov");
    /// a first name and a surname are a person ("Victoria Nuland").
    private func reconcile(_ span: (type: String, start: Int, end: Int),
                           _ annotations: [[(list: Gazetteer.List, isFirst: Bool)]]) -> [(type: String, start: Int, end: Int)] {
        func has(_ index: Int, _ list: Gazetteer.List, first: Bool? = nil) -> Bool {
            annotations[index].contains { $0.list == list && (first == nil || $0.isFirst == first) }
        }
        let range = span.start..<span.end
        if range.allSatisfy({ has($0, .title) }) { return [] }
        // A first name that is also a place ("Victoria") starts a person unless it starts a longer place name.
        func startsPerson(_ index: Int) -> Bool {
            has(index, .firstName) && !(has(index, .place) && index + 1 < annotations.count && has(index + 1, .place, first: false))
        }
        let orgStart = has(span.start, .demonym) || has(span.start, .place) ? span.start + 1 : span.start
        if orgStart < span.end, has(orgStart, .organisation, first: true),
           (orgStart + 1..<span.end).allSatisfy({ has($0, .organisation, first: false) }),
           span.end == annotations.count || !has(span.end, .organisation, first: false) {
            return [("ORG", span.start, span.end)]
        }
        // A person glued to what stands before: "Russia Sergei Ryabkov", "Affairs Victoria Nuland".
        if let split = range.dropFirst().first(where: startsPerson),
           (2...3).contains(span.end - split), (split + 1..<span.end).allSatisfy({ !has($0, .place) && !has($0, .organisation) }) {
            let before = (span.start..<split).allSatisfy { has($0, .title) } ? [] : [(has(span.start, .place) && split == span.start + 1 ? "LOC" : span.type, span.start, split)]
            return before + [("PER", split, span.end)]
        }
        if span.type != "PER", (2...3).contains(span.end - span.start), startsPerson(span.start), !has(span.start, .organisation),
           range.dropFirst().allSatisfy({ !has($0, .place) && !has($0, .organisation) }) {
            return [("PER", span.start, span.end)]
        }
        return [span]
    }

    /// Adds what the gazetteers know to what the tagger found. A known
    /// organisation of several words ("Organization for Security and
    /// Cooperation in Europe", "RIA Novosti") replaces tagged pieces of it.
    /// Names the tagger left untagged become mentions: an organisation (with
    /// a demonym or place before it: "Russian Foreign Ministry"), a place
    /// that is not also a first name, and a first name followed by
    /// capitalised words ("Victoria Nuland").
    private func gazetteerNames(completing found: [Found], annotations: [[(list: Gazetteer.List, isFirst: Bool)]], tokens: [Token],
                                sentenceOfToken: [Int], scalars: [Unicode.Scalar]) -> [Found] {
        /// Whether a list among these covers the token (most tokens are in none).
        func inAny(_ index: Int, of first: Gazetteer.List, _ second: Gazetteer.List? = nil, _ third: Gazetteer.List? = nil) -> Bool {
            annotations[index].contains { $0.list == first || $0.list == second || $0.list == third }
        }
        func entryEnd(_ index: Int, _ list: Gazetteer.List) -> Int {
            var end = index + 1
            while end < tokens.count, annotations[end].contains(where: { $0.list == list && !$0.isFirst }) { end += 1 }
            return end
        }
        // Which mention covers each token (-1: none); mentions are made of whole tokens.
        var kept = found
        var removed = [Bool](repeating: false, count: kept.count)
        var owner = [Int](repeating: -1, count: tokens.count)
        func markOwner(_ mention: Int) {
            var token = Self.firstToken(atOrAfter: kept[mention].mention.start, in: tokens)
            while token < tokens.count, tokens[token].end <= kept[mention].mention.end {
                owner[token] = mention
                token += 1
            }
        }
        for mention in kept.indices { markOwner(mention) }
        for index in tokens.indices where annotations[index].contains(where: { $0.list == .organisation && $0.isFirst }) {
            let end = entryEnd(index, .organisation)
            guard end - index >= 2 else { continue }
            let (start, stop) = (tokens[index].start, tokens[end - 1].end)
            var overlapping: [Int] = []
            for token in index..<end where owner[token] >= 0 && overlapping.last != owner[token] { overlapping.append(owner[token]) }
            guard !overlapping.isEmpty,
                  overlapping.allSatisfy({ kept[$0].mention.start >= start && kept[$0].mention.end <= stop }) else { continue }
            for mention in overlapping { removed[mention] = true }
            kept.append(Found(mention: slice(.organization, start, stop, scalars), sentence: sentenceOfToken[index]))
            removed.append(false)
            markOwner(kept.count - 1)
        }
        kept = kept.indices.filter { !removed[$0] }.map { kept[$0] }
        var covered = owner.indices.map { owner[$0] >= 0 && !removed[owner[$0]] }
        var added: [Found] = []
        var index = 0
        while index < tokens.count {
            guard !covered[index], LetterCase.startsUppercase(tokens[index].text) else { index += 1; continue }
            var span: (EntityMention.Kind, Int, Int)?
            if annotations[index].contains(where: { $0.list == .organisation && $0.isFirst }) {
                span = (.organization, index, entryEnd(index, .organisation))
            } else if inAny(index, of: .demonym, .place), index + 1 < tokens.count,
                      annotations[index + 1].contains(where: { $0.list == .organisation && $0.isFirst }), !covered[index + 1] {
                span = (.organization, index, entryEnd(index + 1, .organisation))
            } else if annotations[index].contains(where: { $0.list == .place && $0.isFirst }), !inAny(index, of: .firstName) {
                span = (.location, index, entryEnd(index, .place))
            } else if inAny(index, of: .firstName), index + 1 < tokens.count, !covered[index + 1],
                      LetterCase.startsUppercase(tokens[index + 1].text), !inAny(index + 1, of: .place, .organisation, .title) {
                var end = index + 2
                while end < tokens.count, !covered[end], end - index < 4, LetterCase.startsUppercase(tokens[end].text),
                      !inAny(end, of: .place, .organisation, .title) { end += 1 }
                span = (.person, index, end)
            }
            guard let (kind, first, end) = span, !covered[first..<end].contains(true) else { index += 1; continue }
            added.append(Found(mention: slice(kind, tokens[first].start, tokens[end - 1].end, scalars), sentence: sentenceOfToken[first]))
            for position in first..<end { covered[position] = true }
            index = end
        }
        return kept + added
    }

    /// A one-word mention typed otherwise that is the surname of a person
    /// named in full in the same report is that person ("Ryabkov" after
    /// "Sergei Ryabkov"), unless the word is a known place.
    private func surnamesArePeople(_ found: [Found]) -> [Found] {
        var surnames = Set<String>()
        for item in found where item.mention.kind == .person {
            let words = item.mention.text.split(separator: " ")
            if words.count >= 2, let last = words.last { surnames.insert(String(last)) }
        }
        guard !surnames.isEmpty else { return found }
        return found.map { item in
            guard item.mention.kind != .person, [.location, .organization, .miscellaneous].contains(item.mention.kind),
                  !item.mention.text.utf8.contains(UInt8(ascii: " ")), surnames.contains(item.mention.text),
                  !Gazetteer.shared.contains(item.mention.text, in: .place) else { return item }
            var person = item
            person.mention.kind = .person
            return person
        }
    }

    /// Document-level consistency: a name the tagger found once is the same
    /// name where it comes again untagged, and a person's surname alone
    /// ("Ryabkov said") is that person — unless the report also writes the
    /// word in lower case, as for "According" in a garbled "Smithin According".
    private func consistentRepeats(of found: [Found], tokens: [Token], sentenceOfToken: [Int],
                                   scalars: [Unicode.Scalar]) -> [Found] {
        var covered = [Bool](repeating: false, count: tokens.count)
        // Each mention's tokens (mentions start where a token starts).
        let spans = found.map { item -> ClosedRange<Int>? in
            let first = Self.firstToken(atOrAfter: item.mention.start, in: tokens)
            guard first < tokens.count, tokens[first].start == item.mention.start else { return nil }
            var last = first
            while last + 1 < tokens.count, tokens[last + 1].end <= item.mention.end { last += 1 }
            return first...last
        }
        func surname(_ item: Found, _ span: ClosedRange<Int>) -> String? {
            guard item.mention.kind == .person, span.count >= 2, tokens[span.upperBound].text.count > 2 else { return nil }
            return tokens[span.upperBound].text
        }
        // The surnames the report also writes in lower case, found in one pass over the words that start lower case.
        let lowercaseSurnames = Set(zip(found, spans).compactMap { item, span in span.flatMap { surname(item, $0)?.lowercased() } })
        let writtenInLowercase = lowercaseSurnames.isEmpty ? [] : Set(tokens.lazy.map(\.text).filter { word in
            LetterCase.startsLowercase(word) && lowercaseSurnames.contains(word)
        })
        var known: [(words: [String], kind: EntityMention.Kind)] = []
        for (item, span) in zip(found, spans) {
            guard let span else { continue }
            for index in span { covered[index] = true }
            known.append((tokens[span].map(\.text), item.mention.kind))
            if let surname = surname(item, span), !writtenInLowercase.contains(surname.lowercased()) {
                known.append(([surname], .person))
            }
        }
        known.sort { $0.words.count > $1.words.count }
        // Grouped by first word, longest first as sorted: one look-up per token instead of a scan of every name.
        var knownByFirstWord: [String: [(words: [String], kind: EntityMention.Kind)]] = [:]
        for entry in known { knownByFirstWord[entry.words[0], default: []].append(entry) }
        var added: [Found] = []
        var index = 0
        while index < tokens.count {
            guard !covered[index], LetterCase.startsUppercase(tokens[index].text),
                  let match = knownByFirstWord[tokens[index].text]?.first(where: { entry in
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
        EntityMention(kind: kind, text: String(scalars: scalars[start..<end]), start: start, end: end)
    }
}
