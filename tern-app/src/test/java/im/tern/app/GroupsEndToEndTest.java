package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.Affiliate;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.RoomInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** Groups (XEP-0045 with WhatsApp's rules) driven by Smack's MultiUserChatManager over real sockets. */
class GroupsEndToEndTest {
    static final long WAIT_MS = 10_000;
    static RunningTern tern;

    @BeforeAll
    static void start() throws Exception {
        tern = RunningTern.start(cfg -> cfg.groups.maxMembers = 5);
        for (String u : List.of("alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank", "ivan")) tern.addUser(u, "pw");
    }

    @AfterAll
    static void stop() {
        tern.close();
    }

    static EntityBareJid room(String name) throws Exception {
        return JidCreate.entityBareFrom(name + "@groups." + RunningTern.DOMAIN);
    }

    static EntityBareJid user(String name) throws Exception {
        return JidCreate.entityBareFrom(name + "@" + RunningTern.DOMAIN);
    }

    static MultiUserChat muc(XMPPTCPConnection c, EntityBareJid room) {
        return MultiUserChatManager.getInstanceFor(c).getMultiUserChat(room);
    }

    /** A persistent members-only group owned by {@code owner}, who is in it as {@code owner}'s name. */
    static MultiUserChat group(XMPPTCPConnection owner, EntityBareJid room, String title) throws Exception {
        MultiUserChat muc = muc(owner, room);
        muc.create(Resourcepart.from(owner.getUser().getLocalpart().toString())).getConfigFormManager()
                .makeMembersOnly().setRoomName(title).submitConfigurationForm();
        return muc;
    }

    static StanzaError.Condition condition(ThrowingRunnable r) {
        try {
            r.run();
        } catch (XMPPErrorException e) {
            return e.getStanzaError().getCondition();
        } catch (Exception e) {
            throw new AssertionError("expected a stanza error, got " + e, e);
        }
        throw new AssertionError("expected a stanza error, the request succeeded");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The next n messages with a body (subject messages have none). */
    static List<String> bodies(MultiUserChat muc, int n) throws Exception {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            Message m = muc.nextMessage(WAIT_MS);
            assertThat(m).as("message %d of %d", out.size() + 1, n).isNotNull();
            if (m.getBody() != null) out.add(m.getBody());
        }
        return out;
    }

    @Test
    void theServiceIsDiscoverableFromTheDomainAndAnswersAsAConferenceService() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "disco");
        List<DomainBareJid> services = MultiUserChatManager.getInstanceFor(alice).getMucServiceDomains();
        assertThat(services).containsExactly(JidCreate.domainBareFrom("groups." + RunningTern.DOMAIN));
        assertThat(ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(services.get(0))
                .hasIdentity("conference", "text")).isTrue();
        alice.disconnect();
    }

    @Test
    void membersOnlyGroupKeepsOutsidersOutAndMembersWithoutAdminRightsFromManagingIt() throws Exception {
        EntityBareJid room = room("rules");
        XMPPTCPConnection alice = tern.login("alice", "pw", "rules");
        MultiUserChat owner = group(alice, room, "Rules");
        owner.grantMembership(user("bob"));
        owner.grantMembership(user("dave"));

        RoomInfo info = MultiUserChatManager.getInstanceFor(alice).getRoomInfo(room);
        assertThat(info.isMembersOnly()).isTrue();
        assertThat(info.isPersistent()).isTrue();
        assertThat(info.getName()).isEqualTo("Rules");

        XMPPTCPConnection carol = tern.login("carol", "pw", "rules");
        MultiUserChat outsider = muc(carol, room);
        assertThat(condition(() -> outsider.join(Resourcepart.from("carol")))).isEqualTo(StanzaError.Condition.registration_required);
        // Not an occupant: posting is refused and nobody gets the message.
        try (StanzaCollector errors = carol.createStanzaCollectorAndSend(
                new AndFilter(FromMatchesFilter.createBare(room), MessageTypeFilter.ERROR),
                carol.getStanzaFactory().buildMessageStanza().to(room).ofType(Message.Type.groupchat).setBody("let me in").build())) {
            Message error = errors.nextResult(WAIT_MS);
            assertThat(error).isNotNull();
            assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
        }
        MamManager outsiderMam = MamManager.getInstanceFor(outsider);
        assertThat(outsiderMam.isSupported()).isTrue();
        assertThat(condition(() -> outsiderMam.queryMostRecentPage(null, 10)))
                .isEqualTo(StanzaError.Condition.forbidden);

        XMPPTCPConnection bob = tern.login("bob", "pw", "rules");
        MultiUserChat member = muc(bob, room);
        member.join(Resourcepart.from("bob"));
        assertThat(condition(() -> member.kickParticipant(Resourcepart.from("alice"), "bye"))).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(condition(() -> member.revokeMembership(user("dave")))).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(condition(() -> member.grantMembership(user("carol")))).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(condition(() -> member.grantAdmin(user("bob")))).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(owner.getMembers()).extracting(a -> a.getJid().toString())
                .containsExactlyInAnyOrder("bob@tern.test", "dave@tern.test");
        assertThat(owner.getOccupants()).hasSize(2);

        // The owner (a moderator) kicks the member: it is out of the room but still a member.
        owner.kickParticipant(Resourcepart.from("bob"), "quiet");
        assertThat(waitUntil(() -> !member.isJoined())).isTrue();
        assertThat(owner.getMembers()).extracting(a -> a.getJid().toString()).contains("bob@tern.test");
        // Banned: refused with forbidden.
        owner.banUser(user("dave"), "gone");
        XMPPTCPConnection dave = tern.login("dave", "pw", "rules");
        assertThat(condition(() -> muc(dave, room).join(Resourcepart.from("dave")))).isEqualTo(StanzaError.Condition.forbidden);
        // A nickname in use is a conflict.
        assertThat(condition(() -> muc(bob, room).join(Resourcepart.from("alice")))).isEqualTo(StanzaError.Condition.conflict);
        alice.disconnect();
        bob.disconnect();
        carol.disconnect();
        dave.disconnect();
    }

    @Test
    void membersTalkGetHistoryOnJoiningSeeSubjectChangesAndCatchUpFromTheRoomArchiveInOrder() throws Exception {
        EntityBareJid room = room("talk");
        XMPPTCPConnection alice = tern.login("alice", "pw", "talk");
        MultiUserChat a = group(alice, room, "Talk");
        for (String m : List.of("bob", "carol", "erin")) a.grantMembership(user(m));

        XMPPTCPConnection bob = tern.login("bob", "pw", "talk");
        MultiUserChat b = muc(bob, room);
        b.join(b.getEnterConfigurationBuilder(Resourcepart.from("bob")).requestNoHistory().build());
        drain(a);
        for (int i = 0; i < 5; i++) a.sendMessage("m" + i);
        assertThat(bodies(b, 5)).containsExactly("m0", "m1", "m2", "m3", "m4");
        b.sendMessage("reply");
        assertThat(bodies(a, 6)).containsExactly("m0", "m1", "m2", "m3", "m4", "reply");

        b.changeSubject("Plans for Friday");
        assertThat(waitUntil(() -> "Plans for Friday".equals(a.getSubject()))).isTrue();

        // Carol joins later: the last three messages as history, then the subject.
        XMPPTCPConnection carol = tern.login("carol", "pw", "talk");
        MultiUserChat c = muc(carol, room);
        c.join(c.getEnterConfigurationBuilder(Resourcepart.from("carol")).requestMaxStanzasHistory(3).build());
        assertThat(bodies(c, 3)).containsExactly("m3", "m4", "reply");
        assertThat(waitUntil(() -> "Plans for Friday".equals(c.getSubject()))).isTrue();

        // Erin was never online: she reads everything from the room archive, in order.
        XMPPTCPConnection erin = tern.login("erin", "pw", "talk");
        MamManager mam = MamManager.getInstanceFor(muc(erin, room));
        assertThat(mam.isSupported()).isTrue();
        List<String> archived = mam.queryArchive(MamManager.MamQueryArgs.builder().setResultPageSizeTo(50).build())
                .getMessages().stream().map(Message::getBody).filter(body -> body != null && body.startsWith("m") || "reply".equals(body))
                .toList();
        assertThat(archived).containsExactly("m0", "m1", "m2", "m3", "m4", "reply");

        // Leaving the room is not leaving the group; setting one's affiliation to none is, and says so.
        b.leave();
        assertThat(waitUntil(() -> a.getOccupants().size() == 2)).isTrue();
        drain(a);
        b.revokeMembership(user("bob"));
        assertThat(a.nextMessage(WAIT_MS).getBody()).isEqualTo("bob left");
        assertThat(condition(() -> muc(bob, room).join(Resourcepart.from("bob")))).isEqualTo(StanzaError.Condition.registration_required);
        for (XMPPTCPConnection x : List.of(alice, bob, carol, erin)) x.disconnect();
    }

    @Test
    void theLastOwnerLeavingHandsOwnershipToTheLongestStandingAdmin() throws Exception {
        EntityBareJid room = room("handon");
        XMPPTCPConnection frank = tern.login("frank", "pw", "handon");
        MultiUserChat f = group(frank, room, "Hand-on");
        f.grantMembership(user("gina"));
        f.grantAdmin(user("hank"));
        // The only owner cannot just step down to admin.
        assertThat(condition(() -> f.grantAdmin(user("frank")))).isEqualTo(StanzaError.Condition.conflict);
        f.revokeMembership(user("frank"));

        XMPPTCPConnection hank = tern.login("hank", "pw", "handon");
        MultiUserChat h = muc(hank, room);
        h.join(Resourcepart.from("hank"));
        assertThat(h.getOwners()).extracting(Affiliate::getJid).extracting(Object::toString).containsExactly("hank@tern.test");
        assertThat(h.getMembers()).extracting(Affiliate::getJid).extracting(Object::toString).containsExactly("gina@tern.test");
        // The group's system messages, archived like the rest, come as history.
        assertThat(bodies(h, 4)).containsExactly("frank added gina", "frank added hank", "frank left", "hank is now the group's owner");
        assertThat(condition(() -> muc(frank, room).join(Resourcepart.from("frank")))).isEqualTo(StanzaError.Condition.registration_required);
        frank.disconnect();
        hank.disconnect();
    }

    @Test
    void aGroupHasAMemberLimit() throws Exception {
        EntityBareJid room = room("limit");
        XMPPTCPConnection ivan = tern.login("ivan", "pw", "limit");
        MultiUserChat i = group(ivan, room, "Limit");
        for (String m : List.of("alice", "bob", "carol", "dave")) i.grantMembership(user(m)); // 5 with the owner
        assertThat(condition(() -> i.grantMembership(user("erin")))).isEqualTo(StanzaError.Condition.not_allowed);
        assertThat(i.getMembers()).hasSize(4);
        ivan.disconnect();
    }

    @Test
    void anAdminsInvitationAddsTheInviteeAsAMemberAndReachesIt() throws Exception {
        EntityBareJid room = room("invite");
        XMPPTCPConnection gina = tern.login("gina", "pw", "invite");
        MultiUserChat g = group(gina, room, "Invite");
        XMPPTCPConnection ivan = tern.login("ivan", "pw", "invite");
        java.util.concurrent.BlockingQueue<String> invitations = new java.util.concurrent.LinkedBlockingQueue<>();
        MultiUserChatManager.getInstanceFor(ivan).addInvitationListener(
                (conn, muc, inviter, reason, password, message, invitation) -> invitations.add(muc.getRoom() + " " + reason));
        g.invite(user("ivan"), "join us");
        assertThat(invitations.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo(room + " join us");
        assertThat(g.getMembers()).extracting(a -> a.getJid().toString()).containsExactly("ivan@tern.test");
        muc(ivan, room).join(Resourcepart.from("ivan"));
        assertThat(waitUntil(() -> g.getOccupants().size() == 2)).isTrue();
        // A plain member may not invite into a members-only group: nobody is added.
        XMPPTCPConnection hank = tern.login("hank", "pw", "invite");
        try (StanzaCollector errors = ivan.createStanzaCollectorAndSend(
                new AndFilter(FromMatchesFilter.createBare(room), MessageTypeFilter.ERROR),
                ivan.getStanzaFactory().buildMessageStanza().to(room)
                        .addExtension(inviteOf(user("hank"))).build())) {
            Message error = errors.nextResult(WAIT_MS);
            assertThat(error).isNotNull();
            assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);
        }
        assertThat(g.getMembers()).hasSize(1);
        for (XMPPTCPConnection x : List.of(gina, ivan, hank)) x.disconnect();
    }

    @Test
    void aMembersDevicesShareItsNicknameAndEachGetsTheMessages() throws Exception {
        EntityBareJid room = room("devices");
        XMPPTCPConnection dave = tern.login("dave", "pw", "devices");
        MultiUserChat d = group(dave, room, "Devices");
        d.grantMembership(user("erin"));
        XMPPTCPConnection phone = tern.login("erin", "pw", "phone-devices");
        XMPPTCPConnection laptop = tern.login("erin", "pw", "laptop-devices");
        MultiUserChat onPhone = muc(phone, room);
        MultiUserChat onLaptop = muc(laptop, room);
        onPhone.join(onPhone.getEnterConfigurationBuilder(Resourcepart.from("erin")).requestNoHistory().build());
        onLaptop.join(onLaptop.getEnterConfigurationBuilder(Resourcepart.from("erin")).requestNoHistory().build());
        assertThat(waitUntil(() -> d.getOccupants().size() == 2)).isTrue();
        drain(onPhone);
        drain(onLaptop);

        d.sendMessage("to both devices");
        assertThat(bodies(onPhone, 1)).containsExactly("to both devices");
        assertThat(bodies(onLaptop, 1)).containsExactly("to both devices");
        // One device leaving leaves the other in the room, and the others see no change.
        onLaptop.leave();
        d.sendMessage("still here");
        assertThat(bodies(onPhone, 1)).containsExactly("still here");
        assertThat(d.getOccupants()).hasSize(2);
        // Someone else cannot take a nickname in use.
        assertThat(condition(() -> muc(dave, room("devices")).changeNickname(Resourcepart.from("erin"))))
                .isEqualTo(StanzaError.Condition.conflict);
        for (XMPPTCPConnection x : List.of(dave, phone, laptop)) x.disconnect();
    }

    static org.jivesoftware.smackx.muc.packet.MUCUser inviteOf(EntityBareJid to) {
        org.jivesoftware.smackx.muc.packet.MUCUser x = new org.jivesoftware.smackx.muc.packet.MUCUser();
        x.setInvite(new org.jivesoftware.smackx.muc.packet.MUCUser.Invite("hi", null, to));
        return x;
    }

    static void drain(MultiUserChat muc) throws Exception {
        while (muc.pollMessage() != null) {
            // history and the subject of entering
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static boolean waitUntil(Condition c) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (System.nanoTime() < end) {
            if (c.holds()) return true;
            Thread.sleep(20);
        }
        return c.holds();
    }
}
