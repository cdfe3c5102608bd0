package org.crisisdesk.discord;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.crisisdesk.discord.render.NoticeRenderer;
import org.crisisdesk.discord.render.ReplyView;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.index.ReindexInProgressException;
import org.crisisdesk.index.ReindexReport;
import org.crisisdesk.knowledge.InvalidKnowledgeException;
import org.javacord.api.entity.permission.PermissionType;
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
        return SlashCommand.with(name(), "Admins: reload the knowledge base without interrupting answers")
                .setDefaultEnabledForPermissions(PermissionType.MANAGE_SERVER)
                .setEnabledInDms(false);
    }

    @Override
    public void handle(SlashCommandInteraction interaction) {
        if (!admins.allows(interaction)) {
            LOG.info("refused /reindex to user {}", interaction.getUser().getId());
            Replies.fill(interaction.createImmediateResponder(),
                    notices.error("Only crisisdesk admins can rebuild the index.")).respond();
            return;
        }
        LOG.info("/reindex requested by user {}", interaction.getUser().getId());
        responder.defer(interaction, true, CompletableFuture.supplyAsync(this::rebuild, rebuilds));
    }

    private ReplyView rebuild() {
        try {
            ReindexReport report = engine.reindex(progress);
            LOG.info("published index generation {}: {}", report.generation(), report.summary());
            return notices.reindexed(report);
        } catch (InvalidKnowledgeException e) {
            LOG.warn("reindex refused: {}", e.getMessage());
            return notices.invalidKnowledge(e.problems());
        } catch (ReindexInProgressException e) {
            return notices.error("A reindex is already running; try again when it is done.");
        } catch (IOException e) {
            LOG.error("reindex failed", e);
            return notices.error("The reindex failed (" + e.getMessage() + "); the index in service was not changed.");
        }
    }
}
