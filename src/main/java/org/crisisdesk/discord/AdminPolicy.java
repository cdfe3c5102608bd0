package org.crisisdesk.discord;

import java.util.Optional;
import java.util.Set;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.javacord.api.interaction.InteractionBase;

/**
 * Who may run admin commands, checked on our side as well: Discord's default member permissions are only a default
 * that any server admin can widen in the Integrations settings.
 */
final class AdminPolicy {

    private final Set<Long> allowList;

    AdminPolicy(Set<Long> allowList) {
        this.allowList = Set.copyOf(allowList);
    }

    /**
     * With an allow-list: the user's id or one of their role ids must be on it. Without one: the user must be able
     * to manage the server. Never in direct messages.
     */
    boolean allows(InteractionBase interaction) {
        Optional<Server> server = interaction.getServer();
        if (server.isEmpty()) {
            return false;
        }
        User user = interaction.getUser();
        if (!allowList.isEmpty()) {
            return allowList.contains(user.getId())
                    || server.get().getRoles(user).stream().anyMatch(role -> allowList.contains(role.getId()));
        }
        return server.get().isOwner(user)
                || server.get().hasAnyPermission(user, PermissionType.ADMINISTRATOR, PermissionType.MANAGE_SERVER);
    }
}
