import Foundation
import Testing
@testable import NewsETL

/// The tagger's features are worked out from per-word facts kept across
/// sentences (`WordFactsTable`). These tests hold them to the features'
/// definition, written here over whole strings as the tagger's training
/// defined them: the same hashes, in the same order, or the model's
/// weights would no longer apply.
@Suite struct TaggerFeaturesTests {
    /// The features of token `index` by definition: `hash(name, value)`
    /// of each feature's name and value.
    private func definition(_ index: Int, _ words: [String], gazetteer: [[(list: Gazetteer.List, isFirst: Bool)]],
                            previousTag: String, previousTag2: String) -> [UInt64] {
        let hash = TaggerFeatures.hash
        let lower = words.map { $0.lowercased() }, shapes = words.map(TaggerFeatures.shape)
        func at(_ offset: Int) -> String {
            let position = index + offset
            return position < 0 ? "<s>" : position >= words.count ? "</s>" : lower[position]
        }
        func shapeAt(_ offset: Int) -> String {
            let position = index + offset
            return position < 0 || position >= words.count ? "-" : shapes[position]
        }
        func mix(_ name: String, _ value: UInt64) -> UInt64 {
            var result = hash(name, "")
            for shift in stride(from: 0, to: 24, by: 8) { result = (result ^ (value >> UInt64(shift) & 0xFF)) &* 0x0000_0100_0000_01B3 }
            return result
        }
        let word = lower[index], shape = shapes[index]
        var result = [hash("bias", ""), hash("w", word), hash("shape", shape), hash("p3", String(word.prefix(3))),
                      hash("s3", String(word.suffix(3))), hash("s2", String(word.suffix(2))),
                      hash("w-1", at(-1)), hash("w+1", at(1)), hash("w-2", at(-2)), hash("w+2", at(2)),
                      hash("w-1w", at(-1) + " " + word), hash("ww+1", word + " " + at(1)),
                      hash("shape-1", shapeAt(-1)), hash("shape+1", shapeAt(1)), hash("shape-1,0,+1", shapeAt(-1) + shape + shapeAt(1)),
                      hash("t-1", previousTag), hash("t-1,t-2", previousTag + previousTag2),
                      hash("t-1,w", previousTag + word), hash("t-1,shape", previousTag + shape)]
        if index == 0 { result.append(hash("first", shape)) }
        let headline = LetterCase.isMostlyCapitals(words.lazy.flatMap(\.unicodeScalars))
            || words.count >= 4 && words.filter { $0.first?.isLetter ?? false }.allSatisfy(LetterCase.startsUppercase)
        let capitalised = words.map(LetterCase.startsUppercase)
        if headline {
            result += [hash("headline", ""), hash("headline,w", word)]
        } else if capitalised[index] {
            result.append(hash("cap,first", index == 0 ? "1" : "0"))
        }
        if words[index].contains("-") { result.append(hash("hyphen", "")) }
        let clusters = lower.map(WordClusters.shared.path)
        func middle(_ offset: Int) -> UInt64 {
            let position = index + offset
            guard position >= 0, position < words.count else { return 0xFFFF }
            return clusters[position].map { UInt64($0.middle) } ?? 0xFFFE
        }
        let capital: UInt64 = capitalised[index] ? 1 : 0
        if let path = clusters[index] {
            result += [mix("c1024", UInt64(path.fine)), mix("c256", UInt64(path.middle)), mix("c64", UInt64(path.coarse)),
                       mix("c256,cap", UInt64(path.middle) << 1 | capital)]
            var tagged = hash("t-1,c256", previousTag)
            for shift in stride(from: 0, to: 24, by: 8) { tagged = (tagged ^ (UInt64(path.middle) >> UInt64(shift) & 0xFF)) &* 0x0000_0100_0000_01B3 }
            result.append(tagged)
        } else {
            result.append(mix("c256,cap", 0xFFFE << 1 | capital))
        }
        result += [mix("c256-1", middle(-1)), mix("c256+1", middle(1))]
        result += gazetteer[index].map { hash("gaz", $0.list.rawValue + ($0.isFirst ? "B" : "I")) }
        if index > 0 {
            result += gazetteer[index - 1].filter { $0.list == .title || $0.list == .firstName }.map { hash("gaz-1", $0.list.rawValue) }
        }
        if index + 1 < words.count {
            result += gazetteer[index + 1].filter(\.isFirst).map { hash("gaz+1", $0.list.rawValue) }
        }
        return result
    }

    private static let edgeSentences: [[String]] = [
        ["Hello"], ["Oslo", "."], ["Jean-Pierre", "Lund", "visited", "Brussels", "'s", "port", "."],
        ["BRUSSELS", "TALKS", "END", "IN", "ACCORD"], ["Café", "Ærø", "naïve", "Ünal", "said", "¿", "½", "3,000", "U.S."],
        ["Deputy", "Foreign", "Minister", "Marit", "Lund", "said", "on", "Monday", "the", "council", "met", "."],
    ]

    @Test func featuresFromWordFactsAreTheDefinedFeatures() throws {
        var sentences = Self.edgeSentences
        let enumerator = try #require(FileManager.default.enumerator(atPath: RepositoryPaths.sampleInput))
        while let path = enumerator.nextObject() as? String {
            guard let data = FileManager.default.contents(atPath: RepositoryPaths.sampleInput + "/" + path) else { continue }
            let words = Tokenizer.tokens(String(decoding: data, as: UTF8.self)).map(\.text)
            sentences += stride(from: 0, to: words.count, by: 23).map { Array(words[$0..<min($0 + 23, words.count)]) }
        }
        // Each sentence twice: once with its words new to the table, once known.
        var table = WordFactsTable()
        var checked = 0
        for words in sentences + sentences {
            let gazetteer = Gazetteer.shared.annotate(words)
            let context = TaggerFeatures.Context(words: words, gazetteer: gazetteer, table: &table)
            for index in words.indices {
                let (previous, previous2) = [("<s>", "<s>"), ("B-PER", "O"), ("I-ORG", "B-ORG")][index % 3]
                let features = TaggerFeatures.features(index, context, previousTag: previous, previousTag2: previous2)
                #expect(features == definition(index, words, gazetteer: gazetteer, previousTag: previous, previousTag2: previous2),
                        "\(words[index]) in \(words)")
                checked += 1
            }
        }
        #expect(checked > 1_000)
    }

    @Test func aTableHoldsEachWordOnce() {
        var table = WordFactsTable()
        let first = table.id(of: "Oslo"), second = table.id(of: "oslo"), again = table.id(of: "Oslo")
        #expect(first == again && first != second && table.count == 2)
        #expect(table.facts[Int(first)].capitalised && !table.facts[Int(second)].capitalised)
    }

    @Test func tablesPastTheirLimitAreDropped() {
        let tables = WordFactsTables(maxWords: 2)
        tables.withTable { table in _ = ["a", "b"].map { table.id(of: $0) } }
        #expect(tables.withTable { $0.count } == 2)
        tables.withTable { table in _ = ["c"].map { table.id(of: $0) } }
        #expect(tables.withTable { $0.count } == 0)
    }
}
