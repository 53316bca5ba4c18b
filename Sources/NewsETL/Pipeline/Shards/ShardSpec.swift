/// One shard of a run spread over a cluster: shard `index` of `count`
/// takes the input files whose relative path hashes to `index` modulo
/// `count`, the same assignment on every machine and every night.
public struct ShardSpec: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// The most shards a run may have; one file per shard is already too many.
    public static let maxCount = 10_000

    public init(index: Int, count: Int) throws(ShardSpecError) {
        guard (1...ShardSpec.maxCount).contains(count) else {
            throw ShardSpecError("the number of shards must be between 1 and \(ShardSpec.maxCount), not \(count)")
        }
        guard (0..<count).contains(index) else {
            throw ShardSpecError("shard \(index) does not exist in a run of \(count) shards (0 to \(count - 1))")
        }
        self.index = index
        self.count = count
    }

    /// `I/N` as written on the command line.
    public init(parsing text: String) throws(ShardSpecError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardSpecError("--shard takes I/N (shard I of N, counted from 0) or auto, not \(text)")
        }
        try self.init(index: index, count: count)
    }

    /// The shard the cluster engine gave this task: a Slurm array task
    /// (`SLURM_ARRAY_TASK_ID` of `SLURM_ARRAY_TASK_COUNT`, the array
    /// counted from `SLURM_ARRAY_TASK_MIN`) or a Kubernetes Indexed Job pod
    /// (`JOB_COMPLETION_INDEX`, with the count given as `count`).
    public init(environment: [String: String], count: Int?) throws(ShardSpecError) {
        if let id = environment["SLURM_ARRAY_TASK_ID"].flatMap({ Int($0) }) {
            guard let total = environment["SLURM_ARRAY_TASK_COUNT"].flatMap({ Int($0) }) ?? count else {
                throw ShardSpecError("SLURM_ARRAY_TASK_COUNT is not set: give --shards N")
            }
            let first = environment["SLURM_ARRAY_TASK_MIN"].flatMap { Int($0) } ?? 0
            try self.init(index: id - first, count: total)
        } else if let index = environment["JOB_COMPLETION_INDEX"].flatMap({ Int($0) }) {
            guard let count else { throw ShardSpecError("JOB_COMPLETION_INDEX is set: give the job's completions as --shards N") }
            try self.init(index: index, count: count)
        } else {
            throw ShardSpecError("--shard auto needs SLURM_ARRAY_TASK_ID (a Slurm array job) or JOB_COMPLETION_INDEX "
                                 + "(a Kubernetes Indexed Job); neither is set")
        }
    }

    /// The shard that processes `relativePath` in a run of `count` shards:
    /// the first eight bytes of the path's SHA-256, modulo `count`.
    public static func shard(of relativePath: String, count: Int) -> Int {
        var digest = SHA256()
        digest.update(Array(relativePath.utf8))
        let bytes = digest.finalize()
        let prefix = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(prefix % UInt64(count))
    }

    func owns(_ relativePath: String) -> Bool {
        ShardSpec.shard(of: relativePath, count: count) == index
    }

    /// `2-of-7`: the shard's folder name.
    public var description: String { "\(index)-of-\(count)" }
}

public struct ShardSpecError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
