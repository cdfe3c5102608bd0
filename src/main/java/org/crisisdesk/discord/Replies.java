package org.crisisdesk.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.crisisdesk.discord.render.ButtonView;
import org.crisisdesk.discord.render.EmbedView;
import org.crisisdesk.discord.render.ReplyView;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageBuilder;
import org.javacord.api.entity.message.MessageFlag;
import org.javacord.api.entity.message.component.ActionRow;
import org.javacord.api.entity.message.component.Button;
import org.javacord.api.entity.message.component.ButtonStyle;
import org.javacord.api.entity.message.component.HighLevelComponent;
import org.javacord.api.entity.message.component.LowLevelComponent;
import org.javacord.api.entity.message.embed.EmbedBuilder;
import org.javacord.api.entity.message.mention.AllowedMentions;
import org.javacord.api.entity.message.mention.AllowedMentionsBuilder;
import org.javacord.api.interaction.MessageComponentInteractionBase;
import org.javacord.api.interaction.callback.ComponentInteractionOriginalMessageUpdater;
import org.javacord.api.interaction.callback.InteractionMessageBuilderBase;

/** Plain reply records into Javacord builders; every message goes out with allowed mentions set to none. */
final class Replies {

    /** Nothing pings: not users, not roles, not @everyone, not the author of a replied-to message. */
    static final AllowedMentions NONE = new AllowedMentionsBuilder().build();

    private Replies() {
    }

    static <T extends InteractionMessageBuilderBase<T>> T fill(T builder, ReplyView view) {
        builder.setAllowedMentions(NONE);
        if (!view.content().isEmpty()) {
            builder.setContent(view.content());
        }
        builder.removeAllEmbeds();
        view.embeds().forEach(embed -> builder.addEmbed(embed(embed)));
        builder.removeAllComponents();
        if (!view.buttons().isEmpty()) {
            builder.addComponents(ActionRow.of(buttons(view.buttons())));
        }
        if (view.ephemeral()) {
            builder.setFlags(MessageFlag.EPHEMERAL);
        }
        return builder;
    }

    static MessageBuilder message(ReplyView view) {
        MessageBuilder builder = new MessageBuilder().setAllowedMentions(NONE);
        if (!view.content().isEmpty()) {
            builder.setContent(view.content());
        }
        view.embeds().forEach(embed -> builder.addEmbed(embed(embed)));
        if (!view.buttons().isEmpty()) {
            builder.addComponents(ActionRow.of(buttons(view.buttons())));
        }
        return builder;
    }

    static EmbedBuilder embed(EmbedView view) {
        EmbedBuilder embed = new EmbedBuilder().setTitle(view.title()).setColor(new java.awt.Color(view.color()));
        if (!view.description().isEmpty()) {
            embed.setDescription(view.description());
        }
        view.url().ifPresent(embed::setUrl);
        // Javacord uploads the bytes with the message and points the embed's image at the attachment.
        view.image().ifPresent(picture -> embed.setImage(picture.png(), "png"));
        view.fields().forEach(field -> embed.addField(field.name(), field.value(), field.inline()));
        if (!view.footer().isBlank()) {
            embed.setFooter(view.footer());
        }
        return embed;
    }

    /**
     * Replaces the message a button is on, picture included: acknowledged first (a deferred update), then edited
     * through the interaction's webhook, the one way Javacord 3.8.0 uploads a file when a button changes a message.
     */
    static CompletableFuture<Void> replace(MessageComponentInteractionBase interaction, ReplyView view) {
        return interaction.acknowledge()
                .thenCompose(done -> fill(interaction.createFollowupMessageBuilder(), view.asEphemeral(false))
                        .update("@original"))
                .<Void>thenApply(message -> null);
    }

    /** The buttons a message carries, as plain data (a vote changes them and leaves the rest as it was). */
    static List<ButtonView> buttonsOf(Message message) {
        List<ButtonView> views = new ArrayList<>();
        for (HighLevelComponent row : message.getComponents()) {
            row.asActionRow().ifPresent(actionRow -> actionRow.getComponents().forEach(component ->
                    component.asButton().ifPresent(button -> button.getCustomId().ifPresent(id ->
                            views.add(new ButtonView(id, button.getLabel().orElse(""), style(button.getStyle()),
                                    button.isDisabled().orElse(false)))))));
        }
        return views;
    }

    /** Updates a message's buttons in place, its embeds and content resent as they were. */
    static ComponentInteractionOriginalMessageUpdater buttons(ComponentInteractionOriginalMessageUpdater updater,
                                                             Message message, List<ButtonView> views) {
        updater.setAllowedMentions(NONE);
        if (!message.getContent().isEmpty()) {
            updater.setContent(message.getContent());
        }
        updater.removeAllEmbeds();
        message.getEmbeds().forEach(embed -> updater.addEmbed(embed.toBuilder()));
        updater.removeAllComponents();
        if (!views.isEmpty()) {
            updater.addComponents(ActionRow.of(buttons(views)));
        }
        return updater;
    }

    private static ButtonView.Style style(ButtonStyle style) {
        return switch (style) {
            case PRIMARY -> ButtonView.Style.PRIMARY;
            case SUCCESS -> ButtonView.Style.SUCCESS;
            case DANGER -> ButtonView.Style.DANGER;
            default -> ButtonView.Style.SECONDARY;
        };
    }

    private static List<LowLevelComponent> buttons(List<ButtonView> views) {
        List<LowLevelComponent> buttons = new ArrayList<>();
        for (ButtonView view : views) {
            buttons.add(Button.create(view.customId(), style(view.style()), view.label(), view.disabled()));
        }
        return buttons;
    }

    private static ButtonStyle style(ButtonView.Style style) {
        return switch (style) {
            case PRIMARY -> ButtonStyle.PRIMARY;
            case SECONDARY -> ButtonStyle.SECONDARY;
            case SUCCESS -> ButtonStyle.SUCCESS;
            case DANGER -> ButtonStyle.DANGER;
        };
    }
}
