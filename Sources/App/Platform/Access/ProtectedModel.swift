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
