/// Finds clusters of copies among sketches: exact copies by content key,
/// near copies by LSH banding of the MinHash signatures (documents agreeing
/// on every value of some band become candidates), each candidate pair
/// verified by `DedupeStage.match`; clusters are the connected components.
///
/// Bands are grouped by sorting (hash, document) pairs rather than in hash
/// tables of arrays, which keeps memory flat at a million documents. A band
/// bucket holding more than `fullPairingLimit` documents (a phrase every
/// report of a feed shares) pairs each member with its next
/// `windowInLargeBuckets` neighbours only, which keeps the work near-linear.
struct ClusterFinder {
    let stage: DedupeStage
    var fullPairingLimit = 64
    var windowInLargeBuckets = 8

    struct Cluster {
        var members: [Int]
        var canonical: Int
        /// Similarity of each member to its most similar linked member.
        var links: [Int: (Double, Double)]
    }

    func clusters(_ members: [NearDuplicateCollector.Member]) -> [Cluster] {
        var parent = Array(members.indices)
        func root(_ index: Int) -> Int {
            var node = index
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        func union(_ left: Int, _ right: Int) {
            let (a, b) = (root(left), root(right))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var links: [Int: (Double, Double)] = [:]
        func consider(_ left: Int, _ right: Int) {
            let (a, b) = (min(left, right), max(left, right))
            // Already in one cluster: nothing to learn; this also keeps a
            // pair that shares many bands from being verified again and again.
            guard a != b, root(a) != root(b) else { return }
            guard members[a].ordinal != nil || members[b].ordinal != nil else { return }
            guard !stage.tooFarApart(members[a].published, members[b].published) else { return }
            if let similarity = stage.match(members[a].sketch, members[b].sketch) {
                union(a, b)
                // Keep the strongest link, whatever order candidates come in.
                for index in [a, b] where links[index].map({ $0 < similarity }) ?? true { links[index] = similarity }
            }
        }

        var keyed = [(key: UInt64, index: Int)]()
        keyed.reserveCapacity(members.count)
        for (index, member) in members.enumerated() {
            let key = member.sketch.contentKey
            keyed.append((key[0] ^ key[1] ^ key[2] ^ key[3], index))
        }
        pairRuns(&keyed, consider)
        let rows = stage.hashCount / stage.bands
        for band in 0..<stage.bands {
            keyed.removeAll(keepingCapacity: true)
            for (index, member) in members.enumerated() where member.sketch.signature.count == stage.hashCount {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(band)
                for value in member.sketch.signature[(band * rows)..<((band + 1) * rows)] {
                    hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
                }
                keyed.append((hash, index))
            }
            pairRuns(&keyed, consider)
        }

        var components: [Int: [Int]] = [:]
        for index in members.indices { components[root(index), default: []].append(index) }
        return components.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }.map { group in
            Cluster(members: group, canonical: canonical(of: group, members), links: links)
        }
    }

    /// Sorts by key and offers every pair inside each run of equal keys; a
    /// run longer than `fullPairingLimit` offers each member's next
    /// `windowInLargeBuckets` neighbours only.
    private func pairRuns(_ keyed: inout [(key: UInt64, index: Int)], _ consider: (Int, Int) -> Void) {
        keyed.sort { $0.key < $1.key || ($0.key == $1.key && $0.index < $1.index) }
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count && keyed[end].key == keyed[start].key { end += 1 }
            let count = end - start
            if count > 1 {
                let window = count <= fullPairingLimit ? count : windowInLargeBuckets + 1
                for i in start..<end {
                    for j in (i + 1)..<min(i + window, end) { consider(keyed[i].index, keyed[j].index) }
                }
            }
            start = end
        }
    }

    /// Earlier runs' documents come first (they were kept before); then the
    /// configured order; the input order breaks any remaining tie.
    private func canonical(of group: [Int], _ members: [NearDuplicateCollector.Member]) -> Int {
        group.min { leftIndex, rightIndex in
            let left = members[leftIndex], right = members[rightIndex]
            if (left.earlierRun != nil) != (right.earlierRun != nil) { return left.earlierRun != nil }
            for key in stage.canonicalOrder {
                switch key {
                case .earliestPublished:
                    switch (left.published, right.published) {
                    case let (l?, r?) where l != r: return l < r
                    case (.some, nil): return true
                    case (nil, .some): return false
                    default: continue
                    }
                case .longest:
                    if left.sketch.wordCount != right.sketch.wordCount { return left.sketch.wordCount > right.sketch.wordCount }
                case .docID:
                    if left.docID != right.docID { return left.docID < right.docID }
                }
            }
            return leftIndex < rightIndex
        }!
    }
}
