package io.vigil.access.user;

import io.vigil.access.Role;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users table. Every request reads its caller's row, so a changed role or a deleted user takes effect
 * at once, bearer tokens already handed out included.
 */
@Singleton
public class Users {

    private static final String COLUMNS =
            "username, password_hash, role, cameras, managed_by, created_millis, updated_millis";

    private final Database db;
    private final PasswordHasher hasher;
    private final Clock clock;

    public Users(Database db, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
    }

    public Optional<User> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return db.query("SELECT " + COLUMNS + " FROM app_user WHERE username = ?", Users::user, username).stream()
                .findFirst();
    }

    public User get(String username) {
        return find(username).orElseThrow(() -> new VigilException(ErrorCode.USER_NOT_FOUND, "no user " + username));
    }

    public List<User> list() {
        return db.query("SELECT " + COLUMNS + " FROM app_user ORDER BY username", Users::user);
    }

    public User create(UserRequest request, String managedBy) {
        Map<String, String> problems = new LinkedHashMap<>();
        String username = request == null || request.username() == null
                ? ""
                : request.username().trim();
        if (!User.USERNAME.matcher(username).matches()) {
            problems.put("username", "must be 1-64 of a-z, 0-9, '.', '_', '-', '@', starting with a letter or digit");
        }
        PasswordHasher.problem(request == null ? null : request.password()).ifPresent(p -> problems.put("password", p));
        Role role = role(request == null ? null : request.role(), problems);
        Set<String> cameras = cameras(request == null ? null : request.cameras(), problems);
        if (!problems.isEmpty()) {
            throw VigilException.invalid(problems);
        }
        return db.inTransaction(() -> {
            if (find(username).isPresent()) {
                throw new VigilException(ErrorCode.USER_EXISTS, "user " + username + " already exists");
            }
            Instant now = clock.instant();
            User user = new User(username, hasher.hash(request.password()), role, cameras, managedBy, now, now);
            db.update(
                    "INSERT INTO app_user (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                    user.username(),
                    user.passwordHash(),
                    role.name(),
                    joined(cameras),
                    managedBy,
                    now.toEpochMilli(),
                    now.toEpochMilli());
            return user;
        });
    }

    /**
     * Changes what {@code change} gives (role, allow-list, password) and keeps the rest; the last admin cannot stop
     * being one. A new password signs the user out everywhere.
     */
    public User update(String username, UserChange change, String managedBy) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (change.username() != null && !change.username().trim().equals(username)) {
            problems.put("username", "cannot be changed; create a new user instead");
        }
        if (change.password() != null) {
            PasswordHasher.problem(change.password()).ifPresent(p -> problems.put("password", p));
        }
        Role role = change.role() == null ? null : role(change.role(), problems);
        Set<String> cameras = change.camerasGiven() ? cameras(change.cameras(), problems) : null;
        if (!problems.isEmpty()) {
            throw VigilException.invalid(problems);
        }
        return db.inTransaction(() -> {
            User current = get(username);
            Role newRole = role == null ? current.role() : role;
            Set<String> newCameras = change.camerasGiven() ? cameras : current.cameras();
            if (current.role() == Role.ADMIN && newRole != Role.ADMIN) {
                requireAnotherAdmin(username);
            }
            String hash = change.password() == null ? current.passwordHash() : hasher.hash(change.password());
            Instant now = clock.instant();
            db.update(
                    "UPDATE app_user SET password_hash = ?, role = ?, cameras = ?, managed_by = ?, updated_millis = ? "
                            + "WHERE username = ?",
                    hash,
                    newRole.name(),
                    joined(newCameras),
                    managedBy,
                    now.toEpochMilli(),
                    username);
            if (change.password() != null) {
                signOutEverywhere(username);
            }
            return get(username);
        });
    }

    /**
     * Removes the user, signs it out everywhere and revokes the share links it made ({@code by} is recorded as their
     * revoker): a link dies with its creator, and a new user given the same name later does not bring it back.
     */
    public void delete(String username, String by) {
        db.inTransaction(() -> {
            User current = get(username);
            if (current.role() == Role.ADMIN) {
                requireAnotherAdmin(username);
            }
            db.update("DELETE FROM app_user WHERE username = ?", username);
            signOutEverywhere(username);
            db.update(
                    "UPDATE share_link SET revoked_millis = ?, revoked_by = ? WHERE created_by = ? AND revoked_millis IS NULL",
                    clock.instant().toEpochMilli(),
                    by,
                    username);
            return null;
        });
    }

    /** Refresh tokens stop working; bearer tokens stop at the next request, which finds no user or a new hash. */
    private void signOutEverywhere(String username) {
        db.update(
                "UPDATE refresh_token SET used_millis = ? WHERE username = ? AND used_millis IS NULL",
                clock.instant().toEpochMilli(),
                username);
    }

    /** Sets a hash made elsewhere (configuration); like a new password, it signs the user out everywhere. */
    public void setPasswordHash(String username, String passwordHash) {
        db.inTransaction(() -> {
            if (db.update(
                            "UPDATE app_user SET password_hash = ?, updated_millis = ? WHERE username = ? AND password_hash <> ?",
                            passwordHash,
                            clock.millis(),
                            username,
                            passwordHash)
                    > 0) {
                signOutEverywhere(username);
            }
            return null;
        });
    }

    /** Locks the admin rows, so two admins removing each other at once cannot leave none. */
    private void requireAnotherAdmin(String username) {
        long others =
                db
                        .query("SELECT username FROM app_user WHERE role = 'ADMIN' FOR UPDATE", rs -> rs.getString(1))
                        .stream()
                        .filter(u -> !u.equals(username))
                        .count();
        if (others == 0) {
            throw new VigilException(
                    ErrorCode.LAST_ADMIN, "user " + username + " is the last admin; make another admin first");
        }
    }

    private static Role role(String name, Map<String, String> problems) {
        Optional<Role> role = Role.parse(name);
        if (role.isEmpty()) {
            problems.put("role", "must be one of " + Role.names());
            return null;
        }
        return role.get();
    }

    private static Set<String> cameras(List<String> list, Map<String, String> problems) {
        if (list == null) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : list) {
            if (!io.vigil.kernel.CameraId.isValid(id)) {
                problems.put("cameras", "must be a list of camera ids (a-z, 0-9, '-')");
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    private static String joined(Set<String> cameras) {
        return cameras == null ? null : String.join(",", cameras);
    }

    private static User user(ResultSet rs) throws SQLException {
        String cameras = rs.getString("cameras");
        return new User(
                rs.getString("username"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                cameras == null
                        ? null
                        : cameras.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(cameras.split(","))),
                rs.getString("managed_by"),
                Instant.ofEpochMilli(rs.getLong("created_millis")),
                Instant.ofEpochMilli(rs.getLong("updated_millis")));
    }
}
