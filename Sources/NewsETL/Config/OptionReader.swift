/// Reads typed options out of one JSON object, recording every problem (wrong
/// type, out of range, unknown key) under its JSON path instead of stopping at
/// the first.
///
/// Each read returns the default when the value is missing or wrong, so a stage
/// can always be built and validation can go on; `ConfigProblems` decides
/// afterwards whether the config is usable. Call `finish()` once all keys are
/// read to report unknown keys.
public final class OptionReader {
    public let path: String
    public let problems: ConfigProblems
    private let object: [String: JSONValue]
    private var knownKeys: [String] = []

    public init(object: [String: JSONValue], path: String, problems: ConfigProblems) {
        self.object = object
        self.path = path
        self.problems = problems
    }

    /// A reader for `value`, which must be an object (or missing: no options).
    public convenience init(value: JSONValue?, path: String, problems: ConfigProblems) {
        switch value {
        case .object(let object)?:
            self.init(object: object, path: path, problems: problems)
        case nil:
            self.init(object: [:], path: path, problems: problems)
        case let other?:
            problems.add(path, "expected an object, got \(other.summary)")
            self.init(object: [:], path: path, problems: problems)
        }
    }

    public func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The raw value of `key`, marking the key as known.
    public func value(_ key: String) -> JSONValue? {
        knownKeys.append(key)
        return object[key]
    }

    public func bool(_ key: String, default fallback: Bool) -> Bool {
        switch value(key) {
        case nil: return fallback
        case .bool(let flag)?: return flag
        case let other?:
            problems.add(keyPath(key), "expected true or false, got \(other.summary)")
            return fallback
        }
    }

    public func integer(_ key: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
        guard let found = value(key) else { return fallback }
        // `Int(exactly:)` is nil for fractions and for doubles beyond Int's range (2^63 and up).
        if case .number(let number) = found, let integer = Int(exactly: number), range.contains(integer) {
            return integer
        }
        problems.add(keyPath(key), "expected an integer \(describe(range)), got \(found.summary)")
        return fallback
    }

    public func number(_ key: String, default fallback: Double, range: ClosedRange<Double>) -> Double {
        guard let found = value(key) else { return fallback }
        if case .number(let number) = found, range.contains(number) { return number }
        problems.add(keyPath(key), "expected a number between \(format(range.lowerBound)) and \(format(range.upperBound)), got \(found.summary)")
        return fallback
    }

    /// A string, restricted to `allowed` when given.
    public func string(_ key: String, default fallback: String, allowed: [String]? = nil) -> String {
        guard let found = value(key) else { return fallback }
        guard case .string(let text) = found else {
            problems.add(keyPath(key), "expected \(expectation(allowed)), got \(found.summary)")
            return fallback
        }
        if let allowed, !allowed.contains(text) {
            problems.add(keyPath(key), "expected \(expectation(allowed)), got \(found.summary)")
            return fallback
        }
        return text
    }

    /// A list of strings, each restricted to `allowed` when given.
    public func stringList(_ key: String, default fallback: [String], allowed: [String]? = nil) -> [String] {
        guard let found = value(key) else { return fallback }
        guard case .array(let items) = found else {
            problems.add(keyPath(key), "expected a list of strings, got \(found.summary)")
            return fallback
        }
        var result: [String] = []
        var valid = true
        for (index, item) in items.enumerated() {
            if case .string(let text) = item, allowed?.contains(text) ?? true {
                result.append(text)
            } else {
                problems.add("\(keyPath(key))[\(index)]", "expected \(expectation(allowed)), got \(item.summary)")
                valid = false
            }
        }
        return valid ? result : fallback
    }

    /// A nested reader for the object under `key`.
    public func nested(_ key: String) -> OptionReader {
        OptionReader(value: value(key), path: keyPath(key), problems: problems)
    }

    /// Reports every key that no read asked for.
    public func finish() {
        let known = Set(knownKeys)
        for key in object.keys.sorted() where !known.contains(key) {
            let expected = known.isEmpty ? "this block takes no keys" : "known keys: " + known.sorted().joined(separator: ", ")
            problems.add(keyPath(key), "unknown key (\(expected))")
        }
    }

    private func expectation(_ allowed: [String]?) -> String {
        guard let allowed else { return "a string" }
        return "one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    private func describe(_ range: ClosedRange<Int>) -> String {
        range.upperBound == Int.max ? "of at least \(range.lowerBound)" : "between \(range.lowerBound) and \(range.upperBound)"
    }

    private func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int64(number)) : String(number)
    }
}
