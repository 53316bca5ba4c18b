/// The features the entity tagger sees for one token: the word and its
/// neighbours, shape, affixes, capitalisation (and whether the sentence is
/// written in capitals, as headlines are), position, and the previous tag.
/// Each feature is a stable 64-bit hash of its name and value.
enum TaggerFeatures {
    /// Per-sentence facts that do not depend on tags, computed once.
    struct Context {
        /// Each token's word facts, and the bytes their ranges point into.
        let words: [WordFacts]
        let bytes: [UInt8]
        /// Most letters of the sentence are capitals (a headline, a wire slug).
        let headlineCase: Bool
        /// Gazetteer lists covering each token.
        let gazetteer: [[(list: Gazetteer.List, isFirst: Bool)]]

        /// `gazetteer`: the sentence's annotations when the caller has them
        /// already; `table`: the word facts known so far, which the
        /// sentence's new words join.
        init(words: [String], gazetteer: [[(list: Gazetteer.List, isFirst: Bool)]]? = nil, table: inout WordFactsTable) {
            let ids = words.map { table.id(of: $0) }
            self.init(ids: ids[...], gazetteer: gazetteer, table: table)
        }

        /// The same for words whose facts `table` holds, by their ids.
        init(ids: ArraySlice<Int32>, gazetteer: [[(list: Gazetteer.List, isFirst: Bool)]]?, table: WordFactsTable) {
            let facts = ids.map { table.facts[Int($0)] }
            self.words = facts
            bytes = table.bytes
            let letters = facts.reduce(0) { $0 + Int($1.letters) }, capitals = facts.reduce(0) { $0 + Int($1.capitals) }
            headlineCase = LetterCase.isMostlyCapitals(letters: letters, capitals: capitals)
                || facts.count >= 4 && facts.filter(\.startsWithLetter).allSatisfy(\.capitalised)
            self.gazetteer = gazetteer ?? Gazetteer.shared.annotate(keys: facts.map(\.gazetteer))
        }
    }

    /// The hashes of the features that name one word alone, and the hash
    /// states of those that go on to its neighbour's word or shape.
    struct WordHashes {
        let word: UInt64, shape: UInt64, prefix3: UInt64, suffix3: UInt64, suffix2: UInt64
        /// The word as the token's neighbour: before it, after it, two before, two after.
        let asPrevious: UInt64, asNext: UInt64, asPrevious2: UInt64, asNext2: UInt64
        let shapeAsPrevious: UInt64, shapeAsNext: UInt64, headlineWord: UInt64, firstShape: UInt64
        /// "w-1w" after "word ", "ww+1" after "word ", "shape-1,0,+1" after the shape.
        let pairAsPrevious: UInt64, pairAsWord: UInt64, shapeWindowAsPrevious: UInt64

        init(lower: String, shape: String) {
            word = hash(Seed.w, lower)
            self.shape = hash(Seed.shape, shape)
            prefix3 = StableHash.fnv1a(lower.prefix(3).utf8, seed: Seed.p3)
            suffix3 = StableHash.fnv1a(lower.suffix(3).utf8, seed: Seed.s3)
            suffix2 = StableHash.fnv1a(lower.suffix(2).utf8, seed: Seed.s2)
            asPrevious = hash(Seed.wMinus1, lower)
            asNext = hash(Seed.wPlus1, lower)
            asPrevious2 = hash(Seed.wMinus2, lower)
            asNext2 = hash(Seed.wPlus2, lower)
            shapeAsPrevious = hash(Seed.shapeMinus1, shape)
            shapeAsNext = hash(Seed.shapePlus1, shape)
            headlineWord = hash(Seed.headlineWord, lower)
            firstShape = hash(Seed.first, shape)
            pairAsPrevious = hash(Seed.previousWordAndWord, lower, " ")
            pairAsWord = hash(Seed.wordAndNextWord, lower, " ")
            shapeWindowAsPrevious = hash(Seed.shapeWindow, shape)
        }
    }

    /// The same for the places before the sentence's start ("<s>", shape
    /// "-") and after its end ("</s>", "-").
    private enum Outside {
        static let before = WordHashes(lower: "<s>", shape: "-")
        static let after = WordHashes(lower: "</s>", shape: "-")
        static let capitalisedFirst = hash(Seed.capitalisedFirst, "1"), capitalisedLater = hash(Seed.capitalisedFirst, "0")
    }

    /// What the features take of the two previous tags, hashed: a tagger
    /// makes these once per pair of tags, not once per token.
    struct PreviousTags {
        fileprivate let tag: UInt64
        fileprivate let tags: UInt64
        fileprivate let tagAndWordSeed: UInt64
        fileprivate let tagAndShapeSeed: UInt64
        fileprivate let clusterAndTagSeed: UInt64

        init(_ previousTag: String, _ previousTag2: String) {
            tag = hash(Seed.tag1, previousTag)
            tags = hash(Seed.tag1tag2, previousTag, previousTag2)
            tagAndWordSeed = hash(Seed.tagAndWord, previousTag)
            tagAndShapeSeed = hash(Seed.tagAndShape, previousTag)
            clusterAndTagSeed = hash(Seed.clusterAndTag, previousTag)
        }
    }

    static func features(_ index: Int, _ context: Context, previousTag: String, previousTag2: String) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(32)
        appendFeatures(index, context, previous: PreviousTags(previousTag, previousTag2), to: &result)
        return result
    }

    /// `features`, appended to a buffer the caller reuses from token to token.
    static func appendFeatures(_ index: Int, _ context: Context, previous: PreviousTags, to result: inout [UInt64]) {
        let words = context.words
        let word = words[index], hashes = word.hashes
        let before = index > 0 ? words[index - 1].hashes : Outside.before
        let after = index + 1 < words.count ? words[index + 1].hashes : Outside.after
        context.bytes.withUnsafeBufferPointer { bytes in
            /// The hash `state` continued over a word's lower case or shape.
            func continued(_ state: UInt64, _ range: Range<Int32>) -> UInt64 {
                StableHash.fnv1a(UnsafeBufferPointer(rebasing: bytes[Int(range.lowerBound)..<Int(range.upperBound)]), seed: state)
            }
            result.append(Seed.bias)
            result.append(hashes.word)
            result.append(hashes.shape)
            result.append(hashes.prefix3)
            result.append(hashes.suffix3)
            result.append(hashes.suffix2)
            result.append(before.asPrevious)
            result.append(after.asNext)
            result.append(index > 1 ? words[index - 2].hashes.asPrevious2 : Outside.before.asPrevious2)
            result.append(index + 2 < words.count ? words[index + 2].hashes.asNext2 : Outside.after.asNext2)
            result.append(continued(before.pairAsPrevious, word.lower))
            result.append(index + 1 < words.count ? continued(hashes.pairAsWord, words[index + 1].lower)
                : StableHash.fnv1a("</s>".utf8, seed: hashes.pairAsWord))
            result.append(before.shapeAsPrevious)
            result.append(after.shapeAsNext)
            let window = continued(before.shapeWindowAsPrevious, word.shape)
            result.append(index + 1 < words.count ? continued(window, words[index + 1].shape) : StableHash.fnv1a("-".utf8, seed: window))
            result.append(previous.tag)
            result.append(previous.tags)
            result.append(continued(previous.tagAndWordSeed, word.lower))
            result.append(continued(previous.tagAndShapeSeed, word.shape))
        }
        if index == 0 { result.append(hashes.firstShape) }
        if context.headlineCase {
            // In a headline capitals say little: lean on the word itself.
            result.append(Seed.headline)
            result.append(hashes.headlineWord)
        } else if word.capitalised {
            result.append(index == 0 ? Outside.capitalisedFirst : Outside.capitalisedLater)
        }
        if word.hasHyphen { result.append(Seed.hyphen) }
        appendClusterFeatures(index, context, to: &result, clusterAndTagSeed: previous.clusterAndTagSeed)
        for (list, isFirst) in context.gazetteer[index] {
            result.append(hash(Seed.gazetteer, list.rawValue, isFirst ? "B" : "I"))
        }
        if index > 0 {
            for (list, _) in context.gazetteer[index - 1] where list == .title || list == .firstName {
                result.append(hash(Seed.gazetteerBefore, list.rawValue))
            }
        }
        if index + 1 < words.count {
            for (list, isFirst) in context.gazetteer[index + 1] where isFirst {
                result.append(hash(Seed.gazetteerAfter, list.rawValue))
            }
        }
    }

    /// The word's clusters at each granularity, its neighbours' middle ones,
    /// and the middle cluster with capitalisation and with the previous tag:
    /// what lets a name unseen in training borrow from names seen.
    private static func appendClusterFeatures(_ index: Int, _ context: Context, to result: inout [UInt64], clusterAndTagSeed: UInt64) {
        let words = context.words
        func middle(_ offset: Int) -> UInt64 {
            let position = index + offset
            guard position >= 0, position < words.count else { return 0xFFFF }
            return words[position].cluster.map { UInt64($0.middle) } ?? 0xFFFE
        }
        let capital: UInt64 = words[index].capitalised ? 1 : 0
        if let path = words[index].cluster {
            result.append(mix(Seed.clusterFine, UInt64(path.fine)))
            result.append(mix(Seed.clusterMiddle, UInt64(path.middle)))
            result.append(mix(Seed.clusterCoarse, UInt64(path.coarse)))
            result.append(mix(Seed.clusterAndCapital, UInt64(path.middle) << 1 | capital))
            result.append(mix(clusterAndTagSeed, UInt64(path.middle)))
        } else {
            result.append(mix(Seed.clusterAndCapital, 0xFFFE << 1 | capital))
        }
        result.append(mix(Seed.clusterMinus1, middle(-1)))
        result.append(mix(Seed.clusterPlus1, middle(1)))
    }

    /// `hash(name, number)` for a small number, without a string.
    private static func mix(_ seed: UInt64, _ value: UInt64) -> UInt64 {
        var hash = seed
        for shift in stride(from: 0, to: 24, by: 8) {
            hash = (hash ^ (value >> UInt64(shift) & 0xFF)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Each feature name's hash, the seed its values are hashed from.
    private enum Seed {
        static let bias = hash("bias"), w = seed("w"), shape = seed("shape"), p3 = seed("p3"), s3 = seed("s3"), s2 = seed("s2")
        static let wMinus1 = seed("w-1"), wPlus1 = seed("w+1"), wMinus2 = seed("w-2"), wPlus2 = seed("w+2")
        static let previousWordAndWord = seed("w-1w"), wordAndNextWord = seed("ww+1")
        static let shapeMinus1 = seed("shape-1"), shapePlus1 = seed("shape+1"), shapeWindow = seed("shape-1,0,+1")
        static let tag1 = seed("t-1"), tag1tag2 = seed("t-1,t-2"), tagAndWord = seed("t-1,w"), tagAndShape = seed("t-1,shape")
        static let first = seed("first"), headline = hash("headline"), headlineWord = seed("headline,w")
        static let capitalisedFirst = seed("cap,first"), hyphen = hash("hyphen")
        static let gazetteer = seed("gaz"), gazetteerBefore = seed("gaz-1"), gazetteerAfter = seed("gaz+1")
        static let clusterFine = seed("c1024"), clusterMiddle = seed("c256"), clusterCoarse = seed("c64")
        static let clusterAndCapital = seed("c256,cap"), clusterAndTag = seed("t-1,c256")
        static let clusterMinus1 = seed("c256-1"), clusterPlus1 = seed("c256+1")
    }

    /// `hash(name, a + b + c)` without building the string (or an array of the parts).
    private static func hash(_ seed: UInt64, _ part: String) -> UInt64 {
        StableHash.fnv1a(part.utf8, seed: seed)
    }

    private static func hash(_ seed: UInt64, _ first: String, _ second: String) -> UInt64 {
        hash(hash(seed, first), second)
    }

    private static func hash(_ seed: UInt64, _ first: String, _ second: String, _ third: String) -> UInt64 {
        hash(hash(hash(seed, first), second), third)
    }

    private static func seed(_ name: String) -> UInt64 {
        (StableHash.fnv1a(name) ^ 0x1F) &* 0x0000_0100_0000_01B3
    }

    /// Xxxx, XX, dd, x-x…: character classes with runs collapsed.
    static func shape(_ word: String) -> String {
        var result = ""
        var last: Character?
        for scalar in word.unicodeScalars {
            let kind: Character = LetterCase.isUppercase(scalar) ? "X" : LetterCase.isLowercase(scalar) ? "x"
                : LetterCase.isNumeric(scalar) ? "d" : Character(scalar)
            if kind != last { result.append(kind) }
            last = kind
        }
        return result
    }

    static func hash(_ name: String, _ value: String = "") -> UInt64 {
        StableHash.fnv1a(value.utf8, seed: seed(name))
    }
}
