import CZlib
import Foundation

/// Complete lines read from a file or standard input in fixed-size chunks, so memory never grows with the file.
/// Gzipped input (found by its magic bytes, several members allowed) is inflated on the way.
public struct LineReader {
    /// The complete lines of one chunk: their bytes and where each starts and ends, with its line number.
    public struct Batch: Sendable {
        public let bytes: [UInt8]
        public let lines: [(range: Range<Int>, number: Int)]

        public func withLine<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
            try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[lines[index].range])) }
        }
    }

    public struct ReadError: Error, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case cannotInflate, truncatedGzip, damagedGzip
        }

        public let kind: Kind
        public let description: String
    }

    var source: any ChunkSource
    let chunkSize: Int
    private var pending: [UInt8] = []
    private var number = 0
    private var finished = false

    /// Bytes read from the file so far (compressed bytes for gzip), for progress.
    public var bytesRead: Int { source.bytesRead }

    public init(_ handle: FileHandle, chunkSize: Int = 1 << 20) throws(ReadError) {
        self.chunkSize = chunkSize
        let first = handle.readData(ofLength: chunkSize)
        let plain = PlainSource(handle: handle, chunkSize: chunkSize, pending: [UInt8](first))
        source = first.starts(with: [0x1F, 0x8B]) ? try GzipSource(plain) : plain
    }

    /// Calls `body` with each batch of complete lines, in order. Blank lines are skipped but counted; a trailing
    /// carriage return is dropped; a last line without a newline is still read.
    public mutating func forEachBatch(_ body: (Batch) throws -> Void) throws {
        while let batch = try nextBatch() { try body(batch) }
    }

    /// The next batch of complete lines, or nil at the end of the file, for callers that must wait between batches.
    public mutating func nextBatch() throws -> Batch? {
        while !finished {
            guard let chunk = try source.next() else {
                finished = true
                guard !pending.isEmpty else { return nil }
                let last = pending
                pending = []
                return Self.batch(last, numberingFrom: &number)
            }
            pending += chunk
            guard let lastNewline = pending.lastIndex(of: 0x0A) else { continue }
            // Only the unfinished tail is copied; the complete lines keep the buffer they arrived in.
            var complete = pending
            pending = Array(complete[(lastNewline + 1)...])
            complete.removeSubrange((lastNewline + 1)...)
            return Self.batch(complete, numberingFrom: &number)
        }
        return nil
    }

    /// Line by line, for callers that do not batch.
    public mutating func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        try forEachBatch { batch in
            for index in batch.lines.indices { try batch.withLine(index) { try body($0, batch.lines[index].number) } }
        }
    }

    static func batch(_ bytes: [UInt8], numberingFrom number: inout Int) -> Batch {
        var lines: [(Range<Int>, Int)] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            while start < buffer.count {
                let newline = Self.firstNewline(in: buffer, from: start)
                number += 1
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                if buffer[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) { lines.append((start..<end, number)) }
                start = newline + 1
            }
        }
        return Batch(bytes: bytes, lines: lines)
    }

    private static func firstNewline(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = buffer.baseAddress, let found = memchr(base + start, 0x0A, buffer.count - start) else { return buffer.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}

protocol ChunkSource {
    var bytesRead: Int { get }
    mutating func next() throws(LineReader.ReadError) -> [UInt8]?
}

struct PlainSource: ChunkSource {
    let handle: FileHandle
    let chunkSize: Int
    var pending: [UInt8]?
    private(set) var bytesRead = 0

    init(handle: FileHandle, chunkSize: Int, pending: [UInt8]) {
        self.handle = handle
        self.chunkSize = chunkSize
        self.pending = pending
    }

    mutating func next() -> [UInt8]? {
        if let first = pending {
            pending = nil
            bytesRead += first.count
            if !first.isEmpty { return first }
        }
        let data = handle.readData(ofLength: chunkSize)
        bytesRead += data.count
        return data.isEmpty ? nil : [UInt8](data)
    }
}

/// Inflates gzip members one after another with zlib.
final class GzipSource: ChunkSource {
    var input: PlainSource
    var stream = z_stream()
    var buffer: [UInt8] = []
    var consumed = 0
    /// Inside a member: input ending here means the file was cut short.
    var inMember = false
    /// Inflated bytes, reused for every chunk.
    var output: [UInt8]

    var bytesRead: Int { input.bytesRead }

    init(_ input: PlainSource) throws(LineReader.ReadError) {
        self.input = input
        output = [UInt8](repeating: 0, count: input.chunkSize)
        // 15 window bits + 16: gzip framing only.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw LineReader.ReadError(kind: .cannotInflate, description: "cannot start gzip decompression")
        }
    }

    deinit { inflateEnd(&stream) }

    func next() throws(LineReader.ReadError) -> [UInt8]? {
        while true {
            if consumed == buffer.count {
                guard let chunk = input.next() else {
                    if inMember { throw LineReader.ReadError(kind: .truncatedGzip, description: "the gzip data ends early") }
                    return nil
                }
                buffer = chunk
                consumed = 0
            }
            let (status, produced) = inflateStep()
            switch status {
            case Z_STREAM_END:
                inflateReset(&stream)
                inMember = false
            case Z_OK, Z_BUF_ERROR:
                inMember = true
            default:
                throw LineReader.ReadError(kind: .damagedGzip, description: "the gzip data is damaged (zlib error \(status))")
            }
            if produced > 0 { return Array(output[..<produced]) }
        }
    }

    private func inflateStep() -> (Int32, Int) {
        buffer.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = input.baseAddress! + consumed
                stream.avail_in = UInt32(input.count - consumed)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                let status = inflate(&stream, Z_NO_FLUSH)
                consumed = input.count - Int(stream.avail_in)
                return (status, out.count - Int(stream.avail_out))
            }
        }
    }
}
