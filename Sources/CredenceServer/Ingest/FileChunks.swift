public import Foundation
public import NIOCore

/// A file read in 1 MiB chunks, for streaming imports from disk (`credence import`).
public struct FileChunks: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer
    let url: URL
    let onRead: @Sendable (Int) -> Void

    /// - Parameter onRead: told the size of each chunk read (progress reporting).
    public init(url: URL, onRead: @escaping @Sendable (Int) -> Void = { _ in }) throws {
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw CocoaError(.fileReadNoPermission) }
        self.url = url
        self.onRead = onRead
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(handle: FileHandle(forReadingAtPath: url.path), onRead: onRead)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let handle: FileHandle?
        let onRead: @Sendable (Int) -> Void

        public mutating func next() async throws -> ByteBuffer? {
            guard let handle, let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else {
                try handle?.close()
                return nil
            }
            onRead(data.count)
            return ByteBuffer(bytes: data)
        }
    }
}

