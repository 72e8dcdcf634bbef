import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

/// Review status in the front matter: what the facilitator guide says about sample and draft
/// content (and the handout never does), and `build --require-review` for a clinic's CI.
@Suite struct ReviewStatusTests {
    let templates = Fixtures.packageRoot + "/templates"

    /// The build fixture with basics marked as sample content and skills as `fields`.
    func fixture(skills fields: String) throws -> String {
        let root = Fixtures.copy("build")
        for (name, replacement) in [("basics", "status: sample"), ("skills", fields)] {
            let path = root + "/modules/\(name).md"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let at = try #require(lines.firstIndex { $0.hasPrefix("reviewed:") })
            var edited = lines.map(String.init)
            edited[at] = replacement
            try edited.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        return root
    }

    func build(_ root: String, requireReview: Bool) -> (BuildResult, String) {
        let out = Fixtures.temporaryFolder() + "/out"
        let options = BuildOptions(out: out, pdf: false, page: PageOptions(), templates: templates, today: Fixtures.today, requireReview: requireReview)
        return (Builder(pdfEngine: nil).build(root: root, options: options), out)
    }

    @Test func theGuideSaysSampleOrDraftAndTheHandoutNever() throws {
        let root = try fixture(skills: "status: draft")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let (result, out) = build(root, requireReview: false)
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        #expect(result.exitCode(strict: false) == 0, "\(result.report.diagnostics)")
        let sampleGuide = try String(contentsOfFile: out + "/guides/basics.html", encoding: .utf8)
        #expect(sampleGuide.contains("<p class=\"review-notice review-sample\">Sample content: have your clinical team review it before use.</p>"))
        #expect(sampleGuide.contains("<tr><th scope=\"row\">Clinical review</th><td>Sample</td></tr>"))
        let draftGuide = try String(contentsOfFile: out + "/guides/skills.html", encoding: .utf8)
        #expect(draftGuide.contains("<p class=\"review-notice review-draft\">Draft: this module is still being written"))
        for handout in ["basics", "skills"] {
            let html = try String(contentsOfFile: out + "/handouts/\(handout).html", encoding: .utf8)
            #expect(!html.contains("review-notice") && !html.contains("Sample content") && !html.contains("Draft:"), "\(handout)")
        }
        let packet = try String(contentsOfFile: out + "/packets/evening/week-01.html", encoding: .utf8)
        #expect(!packet.contains("Sample content") && !packet.contains("review-notice"))
    }

    @Test func anApprovedModuleNamesItsReviewerInTheGuideAndHasNoNotice() throws {
        let root = try fixture(skills: "status: approved\nreviewed: 2026-10-01\nreviewed-by: \"Jordan Lee, LICSW\"")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let (result, out) = build(root, requireReview: false)
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        #expect(result.exitCode(strict: false) == 0, "\(result.report.diagnostics)")
        let guide = try String(contentsOfFile: out + "/guides/skills.html", encoding: .utf8)
        #expect(!guide.contains("review-notice"))
        #expect(guide.contains("<td>Approved, reviewed by Jordan Lee, LICSW, last reviewed 2026-10-01</td>"))
    }

    @Test func requireReviewRefusesTheWholeBuildListingEveryModuleNotApprovedWithAReviewer() throws {
        let root = try fixture(skills: "status: approved\nreviewed: 2026-10-01")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let (result, out) = build(root, requireReview: true)
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        #expect(result.refused)
        #expect(result.exitCode(strict: false) == 1)
        #expect(result.written.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out + "/handouts/skills.html"))
        let found = result.report.diagnostics.filter { $0.rule == "build.not-approved" }
        #expect(found.map { "\(PathUtil.display($0.file).split(separator: "/").last!):\($0.range.start)" } == ["basics.md:9:9", "skills.md:11:9"])
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found[0].message == "--require-review: the module is sample content ('status: sample') that no clinician of yours has approved")
        #expect(found[1].message == "--require-review: the module is approved but does not say who reviewed it ('reviewed-by')")
        // Without the option the same curriculum builds.
        let (plain, plainOut) = build(root, requireReview: false)
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: plainOut)) }
        #expect(plain.exitCode(strict: false) == 0)
    }

    @Test func requireReviewBuildsWhenEveryModuleIsApprovedWithAReviewer() throws {
        let approved = "status: approved\nreviewed: 2026-10-01\nreviewed-by: \"Jordan Lee, LICSW\""
        let root = try fixture(skills: approved)
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let basics = root + "/modules/basics.md"
        try String(contentsOfFile: basics, encoding: .utf8).replacingAll("status: sample", with: approved)
            .write(toFile: basics, atomically: true, encoding: .utf8)
        let (result, out) = build(root, requireReview: true)
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        #expect(result.exitCode(strict: false) == 0, "\(result.report.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: out + "/handouts/skills.html"))
    }

    @Test func everySampleModuleIsSampleContentWithNoReviewerOrDate() throws {
        let loaded = CurriculumLoader().load(root: Fixtures.packageRoot + "/curriculum")
        let modules = try #require(loaded.curriculum?.modules)
        #expect(modules.count >= 36)
        for module in modules {
            #expect(module.status?.value == .sample, "\(module.path)")
            #expect(module.reviewedBy == nil, "\(module.path)")
            #expect(module.reviewed == nil, "\(module.path)")
        }
    }
}
