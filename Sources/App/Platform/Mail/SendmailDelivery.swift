import Fluent
import Foundation
import Vapor

/// Hands one outbox message to the system's sendmail as a background job (one job per message, queued in the
/// transaction that wrote the message), recording each outcome in the audit log. Failures are retried with the job
/// queue's backoff; the fifth marks the message failed.
struct SendmailDelivery: Sendable {
    let sendmailPath: String
    let from: String

    static let maxAttempts = 5

    /// Not delivered this time; the job is tried again later.
    struct NotDelivered: Error {}

    /// The job key that makes one delivery job per message, whoever queues it.
    static func jobKey(_ messageID: UUID) -> String { "mail:\(messageID.uuidString.lowercased())" }

    func deliver(_ messageID: UUID, app: Application) async throws {
        // Claimed in one conditional statement: a message being sent, or sent, is never handed over again, even by a
        // job reclaimed from a worker that died while sending.
        guard try await MailMessage.claim(messageID, on: app.db), let message = try await MailMessage.find(messageID, on: app.db) else { return }
        let delivered = (try? await send(message, on: app.threadPool)) ?? false
        let now = app.clock.now()
        try await app.auditLog.transaction(on: app.db, actor: .system("mailer")) { scope in
            message.attempts += 1
            if delivered {
                message.status = .sent
                message.sentAt = now
            } else {
                message.status = message.attempts >= Self.maxAttempts ? .failed : .queued
            }
            if message.forgetRecipient == true && message.status != .queued { message.recipient = MailMessage.forgotten }
            try await message.save(on: scope.db)
            try await scope.record(delivered ? .mailDelivered : .mailFailed, .mail(message.requireID()),
                                   changes: ["status": message.status.rawValue, "attempts": "\(message.attempts)"])
        }
        if message.status == .queued { throw NotDelivered() }
    }

    static func jobHandler(_ app: Application) -> JobHandler {
        let config = app.configuration
        let delivery = SendmailDelivery(sendmailPath: config.sendmailPath, from: config.mailFrom)
        return JobHandler(
            run: { job, _ in try await delivery.deliver(job.subjectID, app: app) },
            failed: { job, _ in
                // The job was abandoned (its workers kept dying): the message is not left waiting for ever.
                try await MailMessage.query(on: app.db).filter(\.$id == job.subjectID).filter(\.$status == .queued)
                    .set(\.$status, to: .failed).update()
            },
            retried: { job, scope in
                try await MailMessage.query(on: scope.db).filter(\.$id == job.subjectID).filter(\.$status == .failed)
                    .set(\.$status, to: .queued).set(\.$attempts, to: 0).update()
            })
    }

    /// On the thread pool: waiting for sendmail blocks its thread, and tasks share threads with the event loops.
    private func send(_ message: MailMessage, on threadPool: NIOThreadPool) async throws -> Bool {
        let text = """
            From: \(from)
            To: \(message.recipient)
            Subject: \(message.subject)
            Content-Type: text/plain; charset=utf-8
            Content-Language: \(message.language.rawValue)

            \(message.body)

            """
        let path = sendmailPath
        return try await threadPool.runIfActive {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = ["-t", "-i"]
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(text.utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
    }
}

/// At start-up, gives a delivery job to every queued message that has none (messages queued before deliveries were
/// jobs); the job key makes this harmless when several instances start at once.
struct MailBacklogLifecycle: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        guard application.configuration.mailTransport == .sendmail, application.environment != .testing else { return }
        try await SendmailDelivery.queueBacklog(application)
    }
}

extension SendmailDelivery {
    static func queueBacklog(_ app: Application) async throws {
        let queued = try await MailMessage.query(on: app.db).filter(\.$status == .queued).all(\.$id)
        for id in queued {
            try await JobQueue(db: app.db).enqueueOnce(.mail, subject: id, uniqueKey: jobKey(id), maxAttempts: maxAttempts + 1,
                                                       now: app.clock.now())
        }
    }
}
