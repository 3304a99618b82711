package org.heard.desk.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.security.StaffRole;
import org.heard.desk.security.StaffUser;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Staff's tag corrections as labelled data for retraining ({@code java -jar heard.jar train
 * --corrections <file.jsonl>}): admins only, as they carry patients' words. Each export is audited.
 */
@RestController
@ConditionalOnRole(HeardRole.DESK)
@RequestMapping("/api/corrections")
@Tag(name = "corrections", description = "Tag corrections as labelled data for retraining (admins only)")
class CorrectionsApi {

    static final String JSON_LINES = "application/x-ndjson";
    private static final Logger log = LoggerFactory.getLogger(CorrectionsApi.class);

    private final CorrectionLines lines;
    private final AuditTrail audit;

    CorrectionsApi(CorrectionLines lines, AuditTrail audit) {
        this.lines = lines;
        this.audit = audit;
    }

    @GetMapping(produces = JSON_LINES)
    @Operation(
            operationId = "exportCorrections",
            summary = "Export tag corrections as JSON Lines",
            description = "One object per corrected mention with the latest value staff gave each tag it corrected: "
                    + "`{\"id\", \"text\", \"channel\", \"sentiment\"?, \"services\"?, \"urgency\"?, \"correctedAt\"}`. "
                    + "The input of `java -jar heard.jar train --corrections <file.jsonl>`.")
    @ApiResponse(
            responseCode = "200",
            description = "One JSON object per line",
            content = @Content(mediaType = JSON_LINES, schema = @Schema(implementation = CorrectionLines.Line.class)))
    @ApiResponse(responseCode = "403", description = "Not an admin (an integration never is)", content = @Content)
    ResponseEntity<StreamingResponseBody> export(
            @AuthenticationPrincipal StaffUser user,
            @Parameter(description = "Only corrections made at or after this time (ISO-8601)")
                    @RequestParam(name = "from", required = false)
                    Instant from) {
        if (!user.has(StaffRole.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only an admin may export corrections");
        }
        audit.record(
                user.getUsername(), AuditAction.CORRECTIONS_EXPORTED, null, null, from == null ? "" : "from=" + from);
        StreamingResponseBody body = out -> {
            var written = lines.write(from, out);
            if (written.withoutChannel() > 0) {
                log.info(
                        "Corrections export: {} corrected mentions left out, gone from the index before their channel was kept",
                        written.withoutChannel());
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(JSON_LINES))
                .header("Content-Disposition", "attachment; filename=\"heard-corrections.jsonl\"")
                .body(body);
    }
}
