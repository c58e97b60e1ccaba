import ExchangeCore
import Foundation
import SecureReporting
import Vapor

/// GeoReport v2's calls, each in the format its address names.
struct Open311Controller: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(Open311Route.servicesJSON, use: services)
        routes.on(Open311Route.servicesXML, use: services)
        routes.on(Open311Route.service, use: service)
        routes.on(Open311Route.requestsJSON, use: requests)
        routes.on(Open311Route.requestsXML, use: requests)
        routes.on(Open311Route.createJSON, use: create)
        routes.on(Open311Route.createXML, use: create)
        routes.on(Open311Route.request, use: request)
    }

    @Sendable func services(req: Request) async throws -> Response {
        let services = try await req.registry.open311.services(req)
        return try Open311Format(path: req.url.path).response(services, xml: GeoReport.xml(services))
    }

    @Sendable func service(req: Request) async throws -> Response {
        guard let code = Open311Format.stripped(req.parameters.get("service") ?? "") else { throw AppError.notFound }
        let definition = try await req.registry.open311.definition(of: code, req)
        return try Open311Format(path: req.url.path).response(definition, xml: GeoReport.xml(definition))
    }

    @Sendable func requests(req: Request) async throws -> Response {
        let listed = (try? req.query.get(String.self, at: "service_request_id")) ?? ""
        let ids = try listed.split(separator: ",").map { part in
            guard let id = UUID(uuidString: part.trimmingCharacters(in: .whitespaces)) else {
                throw AppError.validation([FieldError("service_request_id", .invalidChoice)])
            }
            return id
        }
        guard ids.count <= 100 else { throw AppError.validation([FieldError("service_request_id", .tooLong)]) }
        let found = try await req.registry.open311.requests(ids, req)
        return try Open311Format(path: req.url.path).response(found, xml: GeoReport.xml(found))
    }

    @Sendable func request(req: Request) async throws -> Response {
        guard let raw = Open311Format.stripped(req.parameters.get("request") ?? ""), let id = UUID(uuidString: raw),
              let found = try await req.registry.open311.requests([id], req).first else { throw AppError.notFound }
        return try Open311Format(path: req.url.path).response([found], xml: GeoReport.xml([found]))
    }

    @Sendable func create(req: Request) async throws -> Response {
        guard req.headers.contentType == .urlEncodedForm else { throw Abort(.unsupportedMediaType) }
        let created = try await req.registry.open311.create(FormFields.pairs(req),
                                                            idempotencyKey: req.headers.first(name: IdempotencyMiddleware.header), req)
        return try Open311Format(path: req.url.path).response([created], xml: GeoReport.xml(created), status: .created)
    }
}
