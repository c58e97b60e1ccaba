import ExchangeCore
import Vapor

/// The employer's letter on pages: the expert uploads, replaces, downloads or removes it; programme staff download it
/// from the expert's review page.
struct AuthorisationLetterController: RouteCollection {
    static let maxUpload: ByteCount = "3mb"

    func boot(routes: RoutesBuilder) throws {
        routes.on(AuthorisationLetterRoute.downloadOwn, use: Self.downloadOwn)
        routes.on(AuthorisationLetterRoute.upload, use: upload)
        routes.on(AuthorisationLetterRoute.remove, use: remove)
        routes.on(AuthorisationLetterRoute.downloadAny, use: Self.downloadAny)
    }

    struct UploadForm: Content {
        var letter: File?
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let profile = try await req.registry.expertProfiles.profile(for: user)
        return try await req.formAgainIfInvalid {
            guard let file = try req.content.decode(UploadForm.self).letter, file.data.readableBytes > 0 else {
                throw AppError.validation([FieldError("letter", .required)])
            }
            try await req.registry.authorisationLetters.attach(Data(buffer: file.data), filename: file.filename, to: profile, by: user)
            req.flash("profile.letter_saved")
            return req.redirect(to: ProfileRoute.show.link())
        } form: { errors in
            try await ProfileController().page(req, profile, errors: errors)
        }
    }

    @Sendable func remove(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await req.registry.authorisationLetters.remove(from: try await req.registry.expertProfiles.profile(for: user), by: user)
        req.flash("profile.letter_removed")
        return req.redirect(to: ProfileRoute.show.link())
    }

    /// The signed-in expert's own letter; the web pages and the API serve it alike.
    @Sendable static func downloadOwn(req: Request) async throws -> Response {
        let profile = try await req.registry.expertProfiles.profile(for: try req.requireUser())
        return AuthorisationLetterService.download(try await req.registry.authorisationLetters.existingLetter(ofProfile: profile.requireID()))
    }

    /// Any expert's letter, for programme staff.
    @Sendable static func downloadAny(req: Request) async throws -> Response {
        try req.authorize(.read, .expertDirectory)
        return AuthorisationLetterService.download(try await req.registry.authorisationLetters.existingLetter(ofProfile: try req.uuidParameter()))
    }
}
