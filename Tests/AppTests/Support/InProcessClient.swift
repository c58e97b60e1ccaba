@testable import App
import Vapor
import XCTVapor

/// A `Client` that answers from the test application itself, so that code written for a remote server (the witness,
/// the verifying client) runs against it without a port.
struct InProcessClient: Client {
    let app: Application

    var eventLoop: any EventLoop { app.eventLoopGroup.next() }
    func delegating(to eventLoop: any EventLoop) -> any Client { self }
    func logging(to logger: Logger) -> any Client { self }
    func allocating(to byteBufferAllocator: ByteBufferAllocator) -> any Client { self }

    func send(_ request: ClientRequest) -> EventLoopFuture<ClientResponse> {
        let promise = eventLoop.makePromise(of: ClientResponse.self)
        let app = app
        promise.completeWithTask {
            let path = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
            let response = try await app.testable().performTest(request: TestingHTTPRequest(
                method: request.method, url: URI(path: path), headers: request.headers, body: request.body ?? ByteBuffer()))
            return ClientResponse(status: response.status, headers: response.headers, body: response.body)
        }
        return promise.futureResult
    }
}
