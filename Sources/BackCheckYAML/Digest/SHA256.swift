/// SHA-256 (FIPS 180-4), for the digests that identify an assessment's definition in a
/// report. Written here because Foundation on Linux has no hashing and the only package
/// that has it is far heavier than these few lines.
package struct SHA256 {
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    /// The number of bytes mixed in so far.
    private var length = 0

    /// A hash of nothing yet, to be fed with ``absorb(blocks:)`` and ended with ``hex(finishing:)``.
    package init() {}

    /// The digest of `bytes` as 64 lower-case hex digits.
    package static func hex(of bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { input in
            var hash = SHA256()
            let whole = input.count / 64 * 64
            hash.absorb(blocks: UnsafeBufferPointer(rebasing: input[..<whole]))
            return hash.hex(finishing: UnsafeBufferPointer(rebasing: input[whole...]))
        }
    }

    /// Mixes in `blocks`, whose length must be a multiple of 64 bytes.
    package mutating func absorb(blocks: UnsafeBufferPointer<UInt8>) {
        guard !blocks.isEmpty else { return }
        length += blocks.count
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { words in
            Self.roundConstants.withUnsafeBufferPointer { constants in
                for chunk in stride(from: 0, to: blocks.count - 63, by: 64) {
                    Self.compress(blocks, at: chunk, &state, words, constants)
                }
            }
        }
    }

    /// The digest of everything absorbed followed by `tail` (any length), as 64 lower-case hex digits.
    package mutating func hex(finishing tail: UnsafeBufferPointer<UInt8>) -> String {
        let whole = tail.count / 64 * 64
        absorb(blocks: UnsafeBufferPointer(rebasing: tail[..<whole]))
        let bitLength = UInt64(length + tail.count - whole) &* 8
        // The last bytes, padded: a 1 bit, zeros, and the length in bits, to whole blocks.
        var last = Array(tail[whole...])
        last.append(0x80)
        while last.count % 64 != 56 { last.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { last.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        last.withUnsafeBufferPointer { absorb(blocks: $0) }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
            for shift in stride(from: 28, through: 0, by: -4) { hex.append(digits[Int((word >> UInt32(shift)) & 0xf)]) }
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Mixes the 64-byte block at `offset` of `input` into `state`.
    private static func compress(
        _ input: UnsafeBufferPointer<UInt8>, at offset: Int,
        _ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
        _ words: UnsafeMutableBufferPointer<UInt32>, _ constants: UnsafeBufferPointer<UInt32>
    ) {
        guard let start = input.baseAddress else { return }
        let block = UnsafeRawPointer(start + offset)
        for i in 0..<16 {
            words[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
        }
        for i in 16..<64 {
            let s0 = rotate(words[i - 15], 7) ^ rotate(words[i - 15], 18) ^ (words[i - 15] >> 3)
            let s1 = rotate(words[i - 2], 17) ^ rotate(words[i - 2], 19) ^ (words[i - 2] >> 10)
            words[i] = words[i - 16] &+ s0 &+ words[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = state
        for i in 0..<64 {
            let sum1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let temp1 = h &+ sum1 &+ choice &+ constants[i] &+ words[i]
            let sum0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let temp2 = sum0 &+ majority
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
    }

    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}
