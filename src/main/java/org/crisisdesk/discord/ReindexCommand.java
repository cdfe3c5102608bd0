package org.crisisdesk.discord;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.crisisdesk.discord.render.NoticeRenderer;
import org.crisisdesk.discord.render.ReplyView;
import org.crisisdesk.i18n.Texts;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.index.Language;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.index.ReindexInProgressException;
import org.crisisdesk.index.ReindexReport;
import org.crisisdesk.knowledge.InvalidKnowledgeException;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.interaction.DiscordLocale;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /reindex}, admins only: validates the knowledge base, builds a new index generation and swaps it in while
 * the old one keeps answering. Always deferred: a rebuild can take longer than Discord's 3 seconds.
 */
final class ReindexCommand implements BotCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ReindexCommand.class);

    private final Engine engine;
    private final AdminPolicy admins;
    private final Responder responder;
    private final Executor rebuilds;
    private final ProgressListener progress;
    private final NoticeRenderer notices = new NoticeRenderer();

    ReindexCommand(Engine engine, AdminPolicy admins, Responder responder, Executor rebuilds,
                   ProgressListener progress) {
        this.engine = engine;
        this.admins = admins;
        this.responder = responder;
        this.rebuilds = rebuilds;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "reindex";
    }

    @Override
    public SlashCommandBuilder definition() {
        return SlashCommand.with(name(), Texts.of(Language.EN).get("command.reindex"))
                .addDescriptionLocalization(DiscordLocale.FRENCH, Texts.of(Language.FR).get("command.reindex"))
                .setDefaultEnabledForPermissions(PermissionType.MANAGE_SERVER)
                .setEnabledInDms(false);
    }

    @Override
    public void handle(SlashCommandInteraction interaction) {
        Texts texts = Locales.texts(interaction);
        if (!admins.allows(interaction)) {
            LOG.info("refused /reindex to user {}", interaction.getUser().getId());
            Replies.fill(interaction.createImmediateResponder(),
                    notices.notice(texts, "reindex.refused")).respond();
            return;
        }
        LOG.info("/reindex requested by user {}", interaction.getUser().getId());
        responder.defer(interaction, true, CompletableFuture.supplyAsync(() -> rebuild(texts), rebuilds));
    }

    private ReplyView rebuild(Texts texts) {
        try {
            ReindexReport report = engine.reindex(progress);
            LOG.info("published index generation {}: {}", report.generation(), report.summary());
            return notices.reindexed(texts, report);
        } catch (InvalidKnowledgeException e) {
            LOG.warn("reindex refused: {}", e.getMessage());
            return notices.invalidKnowledge(texts, e.problems());
        } catch (ReindexInProgressException e) {
            return notices.notice(texts, "reindex.running");
        } catch (IOException e) {
            LOG.error("reindex failed", e);
            return notices.notice(texts, "reindex.failed", String.valueOf(e.getMessage()));
        }
    }
}
