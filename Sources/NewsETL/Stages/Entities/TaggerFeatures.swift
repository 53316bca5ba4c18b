/// The features the entity tagger sees for one token: the word and its
/// neighbours, shape, affixes, capitalisation (and whether the sentence is
/// written in capitals, as headlines are), position, and the previous tag.
/// Each feature is a stable 64-bit hash of its name and value.
enum TaggerFeatures {
    /// Per-sentence facts that do not depend on tags, computed once.
    struct Context {
        var lower: [String]
        var shapes: [String]
        var capitalised: [Bool]
        /// Most letters of the sentence are capitals (a headline, a wire slug).
        var headlineCase: Bool
        /// Gazetteer lists covering each token.
        var gazetteer: [[(list: Gazetteer.List, isFirst: Bool)]]
        /// Each token's word clusters, nil for a word outside the table.
        var clusters: [WordClusters.Path?]

        /// `gazetteer`: the sentence's annotations when the caller has them already.
        init(words: [String], gazetteer: [[(list: Gazetteer.List, isFirst: Bool)]]? = nil) {
            lower = words.map { $0.lowercased() }
            shapes = words.map(TaggerFeatures.shape)
            capitalised = words.map(LetterCase.startsUppercase)
            headlineCase = LetterCase.isMostlyCapitals(words.lazy.flatMap(\.unicodeScalars))
                || words.count >= 4 && words.filter { $0.first?.isLetter ?? false }.allSatisfy(LetterCase.startsUppercase)
            self.gazetteer = gazetteer ?? Gazetteer.shared.annotate(words)
            clusters = lower.map(WordClusters.shared.path)
        }
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

    static func features(_ index: Int, _ context: Context, words: [String], previousTag: String, previousTag2: String) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(32)
        appendFeatures(index, context, words: words, previous: PreviousTags(previousTag, previousTag2), to: &result)
        return result
    }

    /// `features`, appended to a buffer the caller reuses from token to token.
    static func appendFeatures(_ index: Int, _ context: Context, words: [String], previous: PreviousTags, to result: inout [UInt64]) {
        let word = words[index]
        let lower = context.lower[index]
        let shape = context.shapes[index]
        func at(_ offset: Int) -> String {
            let position = index + offset
            return position < 0 ? "<s>" : position >= words.count ? "</s>" : context.lower[position]
        }
        func shapeAt(_ offset: Int) -> String {
            let position = index + offset
            return position < 0 || position >= words.count ? "-" : context.shapes[position]
        }
        result.append(Seed.bias)
        result.append(hash(Seed.w, lower))
        result.append(hash(Seed.shape, shape))
        result.append(StableHash.fnv1a(lower.prefix(3).utf8, seed: Seed.p3))
        result.append(StableHash.fnv1a(lower.suffix(3).utf8, seed: Seed.s3))
        result.append(StableHash.fnv1a(lower.suffix(2).utf8, seed: Seed.s2))
        result.append(hash(Seed.wMinus1, at(-1)))
        result.append(hash(Seed.wPlus1, at(1)))
        result.append(hash(Seed.wMinus2, at(-2)))
        result.append(hash(Seed.wPlus2, at(2)))
        result.append(hash(Seed.previousWordAndWord, at(-1), " ", lower))
        result.append(hash(Seed.wordAndNextWord, lower, " ", at(1)))
        result.append(hash(Seed.shapeMinus1, shapeAt(-1)))
        result.append(hash(Seed.shapePlus1, shapeAt(1)))
        result.append(hash(Seed.shapeWindow, shapeAt(-1), shape, shapeAt(1)))
        result.append(previous.tag)
        result.append(previous.tags)
        result.append(hash(previous.tagAndWordSeed, lower))
        result.append(hash(previous.tagAndShapeSeed, shape))
        if index == 0 { result.append(hash(Seed.first, shape)) }
        if context.headlineCase {
            // In a headline capitals say little: lean on the word itself.
            result.append(Seed.headline)
            result.append(hash(Seed.headlineWord, lower))
        } else if context.capitalised[index] {
            result.append(hash(Seed.capitalisedFirst, index == 0 ? "1" : "0"))
        }
        if word.utf8.contains(UInt8(ascii: "-")) { result.append(Seed.hyphen) }
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
        func middle(_ offset: Int) -> UInt64 {
            let position = index + offset
            guard position >= 0, position < context.clusters.count else { return 0xFFFF }
            return context.clusters[position].map { UInt64($0.middle) } ?? 0xFFFE
        }
        if let path = context.clusters[index] {
            result.append(mix(Seed.clusterFine, UInt64(path.fine)))
            result.append(mix(Seed.clusterMiddle, UInt64(path.middle)))
            result.append(mix(Seed.clusterCoarse, UInt64(path.coarse)))
            result.append(mix(Seed.clusterAndCapital, UInt64(path.middle) << 1 | (context.capitalised[index] ? 1 : 0)))
            result.append(mix(clusterAndTagSeed, UInt64(path.middle)))
        } else {
            result.append(mix(Seed.clusterAndCapital, 0xFFFE << 1 | (context.capitalised[index] ? 1 : 0)))
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

    /// `hash(name, a + b + c)` without building the string (or an array
    /// of the parts: this runs some twenty times per token).
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
