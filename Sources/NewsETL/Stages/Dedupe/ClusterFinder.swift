/// Finds clusters of copies among sketches: exact copies by content key,
/// near copies by LSH banding of the MinHash signatures (documents agreeing
/// on every value of some band become candidates), each candidate pair
/// verified by `DedupeStage.match`; clusters are the connected components.
///
/// A band bucket holding more than `fullPairingLimit` documents (a phrase
/// every report of a feed shares) pairs each member with its next
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
        var checked = Set<UInt64>()
        func consider(_ left: Int, _ right: Int) {
            let (a, b) = (min(left, right), max(left, right))
            guard a != b, checked.insert(UInt64(a) << 32 | UInt64(b)).inserted else { return }
            guard members[a].ordinal != nil || members[b].ordinal != nil else { return }
            guard !stage.tooFarApart(members[a].published, members[b].published) else { return }
            if let similarity = stage.match(members[a].sketch, members[b].sketch) {
                union(a, b)
                // Keep the strongest link, whatever order candidates come in.
                for index in [a, b] where links[index].map({ $0 < similarity }) ?? true { links[index] = similarity }
            }
        }

        var exact: [[UInt64]: Int] = [:]
        for (index, member) in members.enumerated() {
            if let first = exact[member.sketch.contentKey] { consider(first, index) } else { exact[member.sketch.contentKey] = index }
        }
        let rows = stage.hashCount / stage.bands
        for band in 0..<stage.bands {
            var buckets: [UInt64: [Int]] = [:]
            for (index, member) in members.enumerated() where member.sketch.signature.count == stage.hashCount {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(band)
                for value in member.sketch.signature[(band * rows)..<((band + 1) * rows)] {
                    hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
                }
                buckets[hash, default: []].append(index)
            }
            for bucket in buckets.values where bucket.count > 1 {
                if bucket.count <= fullPairingLimit {
                    for i in bucket.indices { for j in bucket.indices where j > i { consider(bucket[i], bucket[j]) } }
                } else {
                    for i in bucket.indices {
                        for j in (i + 1)..<min(i + 1 + windowInLargeBuckets, bucket.count) { consider(bucket[i], bucket[j]) }
                    }
                }
            }
        }

        var components: [Int: [Int]] = [:]
        for index in members.indices { components[root(index), default: []].append(index) }
        return components.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }.map { group in
            Cluster(members: group, canonical: canonical(of: group, members), links: links)
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
