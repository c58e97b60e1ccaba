import ExchangeCore
import Fluent
import Vapor

/// A model whose access the policy decides from the object it describes.
protocol ProtectedModel: Model where IDValue == UUID {
    var protected: ProtectedObject { get }
}

extension Request {
    /// The model the route's `:id` names, once the policy allows `operation` on it: find, authorize, and 404 when it
    /// does not exist or `matches` refuses it (and where the policy says existence itself is sensitive).
    func load<M: ProtectedModel>(_ type: M.Type, for operation: ExchangeCore.Operation,
                                 query: (QueryBuilder<M>) -> QueryBuilder<M> = { $0 },
                                 where matches: (M) -> Bool = { _ in true }) async throws -> M {
        let id = try uuidParameter()
        guard let model = try await query(M.query(on: db).filter(\M._$id == id)).first(), matches(model) else {
            throw AppError.notFound
        }
        try authorize(operation, model.protected)
        return model
    }
}

extension Organisation: ProtectedModel {
    var protected: ProtectedObject { .organisation(id: id!) }
}

extension Need: ProtectedModel {
    var protected: ProtectedObject { .need(organisationID: $organisation.id) }
}

/// A model whose access rule is the same for every row (the expert roster, matching runs, red-flag runs, the outbox):
/// the reader is authorized before the row is looked for, so whether a row exists is never told to someone who may
/// not see any.
protocol DirectoryModel: Model where IDValue == UUID {
    static var directory: ProtectedObject { get }
}

extension Request {
    /// The row the route's `:id` names, once the policy allows `operation` on the directory; 404 when there is none.
    func load<M: DirectoryModel>(_ type: M.Type, for operation: ExchangeCore.Operation) async throws -> M {
        try authorize(operation, M.directory)
        guard let model = try await M.find(try uuidParameter(), on: db) else { throw AppError.notFound }
        return model
    }
}

extension ExpertProfile: DirectoryModel { static let directory = ProtectedObject.expertDirectory }
extension MatchRun: DirectoryModel { static let directory = ProtectedObject.matchingBoard }
extension MatchProposal: DirectoryModel { static let directory = ProtectedObject.matchingBoard }
extension RedFlagRun: DirectoryModel { static let directory = ProtectedObject.redFlags }
extension MailMessage: DirectoryModel { static let directory = ProtectedObject.mailOutbox }
