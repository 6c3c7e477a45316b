package im.tern.module.profile;

import im.tern.core.Jid;
import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import im.tern.module.api.AccountAuth;
import im.tern.module.api.BasicCredentials;
import im.tern.module.api.Blocking;
import im.tern.module.api.Json;
import im.tern.module.api.JsonBody;
import im.tern.module.api.Problem;
import im.tern.module.api.Problem.FieldError;
import im.tern.module.api.ProblemException;
import im.tern.module.blocking.StoredBlocklist;
import im.tern.module.contacts.NumberLookups;
import im.tern.module.privacy.Privacy;
import im.tern.store.DocumentStore;
import im.tern.store.PrivacySettings.Setting;
import im.tern.store.ProfileStore;
import im.tern.store.ProfileStore.Profile;
import im.tern.store.DeviceStore;
import im.tern.store.UserStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code GET/PUT /v1/profile}: the caller's own display name and "about" text; {@code GET /v1/profile/{id}}:
 * someone else's, by JID or {@code +E164}, with "about" only when their privacy settings let the caller see
 * it. Asking about someone else counts against the caller's daily cap of new numbers, as discovery does, so
 * the profile cannot serve to enumerate accounts; an unknown account, and one that blocks the caller, are 404.
 */
final class ProfileRequests {
    private static final List<String> FIELDS = List.of("displayName", "about");

    private final ProfileSettings settings;
    private final ProfileStore profiles;
    private final UserStore users;
    private final DocumentStore documents;
    private final Privacy privacy;
    private final NumberLookups lookups;
    private final AccountAuth auth;
    private final Jid domain;
    private final Executor blocking;
    private final Object[] locks = new Object[32];

    ProfileRequests(ProfileSettings settings, ProfileStore profiles, UserStore users, DeviceStore devices, DocumentStore documents, Privacy privacy,
                    NumberLookups lookups, Jid domain, Executor blocking) {
        this.settings = settings;
        this.profiles = profiles;
        this.users = users;
        this.documents = documents;
        this.privacy = privacy;
        this.lookups = lookups;
        this.auth = new AccountAuth(devices, domain);
        this.domain = domain;
        this.blocking = blocking;
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
    }

    CompletionStage<HttpResponse> own(HttpRequest request) {
        BasicCredentials basic;
        try {
            basic = AccountAuth.credentials(request);
        } catch (ProblemException e) {
            return Blocking.now(e.problem().response());
        }
        return Blocking.answer(blocking, () -> {
            String user = auth.authenticate(basic).user();
            return Json.response(200, json(user, profiles.get(user).orElse(Profile.EMPTY), true));
        });
    }

    CompletionStage<HttpResponse> put(HttpRequest request) {
        BasicCredentials basic;
        Map<String, String> fields;
        try {
            basic = AccountAuth.credentials(request);
            fields = JsonBody.read(request, settings.maxBodyBytes(), List.of(), FIELDS);
            check(fields);
        } catch (ProblemException e) {
            return Blocking.now(e.problem().response());
        }
        return Blocking.answer(blocking, () -> {
            String user = auth.authenticate(basic).user();
            Profile after;
            synchronized (locks[Math.floorMod(user.hashCode(), locks.length)]) {
                Profile before = profiles.get(user).orElse(Profile.EMPTY);
                after = new Profile(fields.containsKey("displayName") ? emptyToNull(fields.get("displayName")) : before.displayName(),
                        fields.containsKey("about") ? emptyToNull(fields.get("about")) : before.about());
                if (!after.equals(before)) profiles.put(user, after);
            }
            return Json.response(200, json(user, after, true));
        });
    }

    CompletionStage<HttpResponse> other(HttpRequest request) {
        BasicCredentials basic;
        String target;
        try {
            basic = AccountAuth.credentials(request);
            target = account(request.param("id"));
        } catch (ProblemException e) {
            return Blocking.now(e.problem().response());
        }
        return Blocking.answer(blocking, () -> {
            String user = auth.authenticate(basic).user();
            if (user.equals(target)) return Json.response(200, json(user, profiles.get(user).orElse(Profile.EMPTY), true));
            Optional<NumberLookups.Refusal> refused = lookups.admit(user, List.of(target));
            if (refused.isPresent()) throw refused.get().problem().exception();
            Jid owner = Jid.of(target, domain.domain(), null);
            Jid viewer = Jid.of(user, domain.domain(), null);
            if (!users.exists(target) || StoredBlocklist.blocks(documents, target, viewer)) {
                throw Problem.of(404, "not-found", "No such account", "there is no account " + owner).exception();
            }
            Set<Setting> allowed = privacy.allowed(owner, viewer);
            return Json.response(200, json(target, profiles.get(target).orElse(Profile.EMPTY), allowed.contains(Setting.ABOUT)));
        });
    }

    private void check(Map<String, String> fields) {
        List<FieldError> errors = new ArrayList<>();
        if (fields.isEmpty()) errors.add(new FieldError("*", "name at least one of displayName, about"));
        String name = fields.get("displayName");
        String nameFault = name == null ? null : ProfileText.fault(name, settings.maxDisplayName());
        if (nameFault != null) errors.add(new FieldError("displayName", nameFault));
        String about = fields.get("about");
        String aboutFault = about == null ? null : ProfileText.fault(about, settings.maxAbout());
        if (aboutFault != null) errors.add(new FieldError("about", aboutFault));
        if (!errors.isEmpty()) throw JsonBody.invalid(errors).exception();
    }

    /** The local part {@code id} names: a bare JID of this server, or a number as {@code +} and its E.164 digits. */
    private String account(String id) {
        if (id != null && id.startsWith("+") && id.length() > 1 && id.length() <= 16 && id.substring(1).chars().allMatch(Character::isDigit)) {
            return id.substring(1);
        }
        Jid jid = id == null || !id.contains("@") ? null : Jid.parse(id);
        if (jid != null && jid.local() != null && jid.resource() == null && jid.domain().equals(domain.domain())) return jid.local();
        throw Problem.of(400, "invalid-request", "Invalid request", "the path names no account: use a JID of this server or +E.164")
                .withErrors(List.of(new FieldError("id", "must be a bare JID of this server or a number such as +447400123456")))
                .exception();
    }

    private Map<String, String> json(String user, Profile p, boolean about) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("jid", user + "@" + domain.domain());
        if (!user.isEmpty() && user.length() <= 15 && user.chars().allMatch(Character::isDigit)) out.put("number", "+" + user);
        if (p.displayName() != null) out.put("displayName", p.displayName());
        if (about && p.about() != null) out.put("about", p.about());
        return out;
    }

    private static String emptyToNull(String s) { return s.isEmpty() ? null : s; }
}
