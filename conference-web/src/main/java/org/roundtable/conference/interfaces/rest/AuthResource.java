package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.roundtable.conference.application.CodeChallenge;
import org.roundtable.conference.application.InvitationDestination;
import org.roundtable.conference.application.InvitationService;
import org.roundtable.conference.application.PersonLanguages;
import org.roundtable.conference.application.SignInAddresses;
import org.roundtable.conference.application.SignInResult;
import org.roundtable.conference.application.SignInService;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.command.SignInCommand;
import org.roundtable.conference.application.view.CallerView;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.interfaces.security.CallerContext;
import org.roundtable.conference.interfaces.security.ClientAddress;
import org.roundtable.conference.interfaces.security.SessionCookies;

/** Signing in and out: staff with a password, families and advocates with an emailed code. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record RedeemRequest(@NotBlank(message = "The invitation link is incomplete") @Size(max = 100, message = "The invitation link is not valid") String token) {
    }

    /** language: the one the person chose on the page ("en" or "cy"), so the code's email is written in it; optional. */
    public record CodeRequest(@NotBlank(message = "Enter your email address") @Email(message = "Enter a real email address, like name@example.org") @Size(max = 320) String email,
            @Pattern(regexp = "en|cy", message = "Choose English (en) or Welsh (cy)") String language) {
    }

    public record LanguageRequest(@NotNull(message = "Choose English (en) or Welsh (cy)") @Size(max = 10) String language) {
    }

    public record TokenRequest(@NotBlank(message = "The link is incomplete") @Size(max = 100, message = "The link is not valid") String token) {
    }

    public record Confirmed(String email) {
    }

    public record VerifyRequest(
            @NotNull(message = "Start again from your invitation link or ask for a new code") UUID challengeId,
            @NotBlank(message = "Enter the 6-digit code from the email") @Pattern(regexp = "\\s*\\d{6}\\s*", message = "The code is 6 digits, like 123456") String code) {
    }

    /** A code is on its way; next is the page of the meeting the invitation was for. */
    public record RedeemAnswer(UUID challengeId, String sentTo, String next) {
    }

    @Inject
    private SignInService signIn;

    @Inject
    private InvitationDestination destinations;

    @Inject
    private InvitationService invitations;

    @Inject
    private CallerContext context;

    @Inject
    private AccessPolicy policy;

    @Inject
    private SignInAddresses addresses;

    @Inject
    private PersonLanguages languages;

    private final ClientAddress clientAddress = ClientAddress.configured();

    @Context
    private HttpServletRequest request;

    @POST
    @Path("/sign-in")
    public Response signIn(@Valid @NotNull(message = "Send your username and password") SignInCommand command) {
        return started(signIn.signIn(command.username(), command.password(), clientAddress.of(request)));
    }

    /** The link emailed to a locked-out member of staff: it lifts the lock from every address. */
    @POST
    @Path("/unlock")
    public Response unlock(@Valid @NotNull(message = "Send the unlock token") TokenRequest body) {
        signIn.unlock(body.token());
        return Response.noContent().build();
    }

    /** The link emailed to a new sign-in address: the person there confirms it is theirs. */
    @POST
    @Path("/addresses/confirm")
    public Confirmed confirmAddress(@Valid @NotNull(message = "Send the confirmation token") TokenRequest body) {
        return new Confirmed(addresses.confirm(body.token()));
    }

    @POST
    @Path("/invitations/redeem")
    public RedeemAnswer redeem(@Valid @NotNull(message = "Send the invitation token") RedeemRequest body) {
        CodeChallenge challenge = invitations.redeem(body.token());
        return new RedeemAnswer(challenge.challengeId(), challenge.sentTo(), destinations.pathFor(body.token()).orElse(null));
    }

    @POST
    @Path("/codes")
    public CodeChallenge requestCode(@Valid @NotNull(message = "Send your email address") CodeRequest body) {
        return invitations.requestCode(body.email(), body.language() == null ? null : Language.ofCode(body.language()).orElseThrow());
    }

    @POST
    @Path("/codes/verify")
    public Response verifyCode(@Valid @NotNull(message = "Send the code") VerifyRequest body) {
        return started(invitations.verifyCode(body.challengeId(), body.code()));
    }

    @GET
    @Path("/me")
    public CallerView me() {
        return signIn.describe(policy.requireSignedIn(context.caller()));
    }

    /** The signed-in family member or advocate chooses the language of their pages and emails (only their own). */
    @PUT
    @Path("/me/language")
    public CallerView chooseLanguage(@Valid @NotNull(message = "Send the language: en or cy") LanguageRequest body) {
        languages.choose(policy.requireSignedIn(context.caller()), body.language());
        return signIn.describe(context.caller());
    }

    /** Ends this session: every tab and live connection using it is signed out. */
    @POST
    @Path("/sign-out")
    public Response signOut() {
        policy.requireSignedIn(context.caller());
        context.session().ifPresent(s -> signIn.signOut(s.sessionId()));
        return ended();
    }

    /** Ends every session of the signed-in person, on every device. */
    @POST
    @Path("/sign-out-everywhere")
    public Response signOutEverywhere() {
        signIn.signOutEverywhere(policy.requireSignedIn(context.caller()));
        return ended();
    }

    private Response started(SignInResult result) {
        var response = Response.ok(result.caller());
        SessionCookies.start(request, result.sessionToken(), result.csrfToken()).forEach(c -> response.header("Set-Cookie", c));
        return response.build();
    }

    /** The browser forgets the session and everything of the site it kept: cached pages, storage (the live room's edits). */
    private Response ended() {
        var response = Response.noContent().header("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
        SessionCookies.end(request).forEach(c -> response.header("Set-Cookie", c));
        return response.build();
    }
}
