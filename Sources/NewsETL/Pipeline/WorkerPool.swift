import Dispatch
import Synchronization

/// The one place NewsETL touches Dispatch: maps a batch of items over a
/// bounded number of worker threads and hands the results back in input
/// order, so output never depends on scheduling.
enum WorkerPool {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], workers: Int, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        if workers <= 1 || inputs.count <= 1 { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        let cursor = SharedCursor()
        DispatchQueue.concurrentPerform(iterations: min(workers, inputs.count)) { _ in
            while true {
                let index = cursor.next()
                if index >= inputs.count { break }
                results.store(transform(inputs[index]), at: index)
            }
        }
        return results.collect()
    }
}

extension WorkerPool {
    /// Runs `work` on a background thread; nothing waits for it.
    static func startInBackground(_ work: @escaping @Sendable () -> Void) {
        DispatchQueue.global(qos: .userInitiated).async(execute: work)
    }
}

/// Work started on a background thread, so the caller can make the next
/// piece of work meanwhile and wait for this one (as often as it likes)
/// when it needs the result.
final class BackgroundWork<Value: Sendable>: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let result = Mutex<Value?>(nil)

    init(_ work: @escaping @Sendable () -> Value) {
        WorkerPool.startInBackground { [self] in
            let value = work()
            result.withLock { $0 = value }
            finished.signal()
        }
    }

    /// Blocks until the work is done and returns what it returned.
    func wait() -> Value {
        finished.wait()
        finished.signal()
        return result.withLock { $0! }
    }
}

/// Hands out indices to workers, each exactly once.
private final class SharedCursor: Sendable {
    private let position = Atomic<Int>(0)

    func next() -> Int { position.wrappingAdd(1, ordering: .relaxed).oldValue }
}

/// One slot per item. Each index is written by exactly one worker and read
/// only after `concurrentPerform` returns, which orders the writes before
/// the reads; no two threads ever touch the same slot.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) { slots[index] = value }

    func collect() -> [Value] { (0..<count).map { slots[$0]! } }
}
