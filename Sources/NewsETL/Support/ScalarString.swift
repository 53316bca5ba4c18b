extension String {
    /// A string of these scalars, encoded straight into the string's
    /// storage: appending to a `UnicodeScalarView` one scalar at a time was
    /// a tenth of the entity stage's time.
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[count] = UInt8(truncatingIfNeeded: value)
                    count += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[count] = byte
                        count += 1
                    }
                }
            }
            return count
        }
    }
}
