/// Union-find over the integers `0..<count`, with path halving. When two
/// sets join, the smaller root becomes the root of both, so a set's root is
/// its smallest member whatever order the unions came in: callers that
/// number items in a stable order get stable groups.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) {
        parent = Array(0..<count)
    }

    mutating func root(_ item: Int) -> Int {
        var node = item
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    /// Joins the sets of `a` and `b`; false when they were one set already.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        let (rootA, rootB) = (root(a), root(b))
        guard rootA != rootB else { return false }
        parent[max(rootA, rootB)] = min(rootA, rootB)
        return true
    }
}
