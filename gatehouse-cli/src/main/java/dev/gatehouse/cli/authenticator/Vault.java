package dev.gatehouse.cli.authenticator;

import dev.gatehouse.cli.CliException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The decrypted content of a vault file: its entries, by unique name. Immutable. */
final class Vault {

    private static final Vault EMPTY = new Vault(List.of());

    private final List<VaultEntry> entries;

    private Vault(List<VaultEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    static Vault empty() {
        return EMPTY;
    }

    /**
     * @throws IllegalArgumentException if two entries share a name
     */
    static Vault of(List<VaultEntry> entries) {
        Vault vault = EMPTY;
        for (VaultEntry entry : entries) {
            if (vault.entry(entry.name()).isPresent()) {
                throw new IllegalArgumentException("two entries are named '" + entry.name() + "'");
            }
            vault = new Vault(append(vault.entries, entry));
        }
        return vault;
    }

    /** The entries sorted by name, as {@code list} shows them. */
    List<VaultEntry> entries() {
        List<VaultEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(VaultEntry::name));
        return List.copyOf(sorted);
    }

    Optional<VaultEntry> entry(String name) {
        return entries.stream().filter(entry -> entry.name().equals(name)).findFirst();
    }

    /**
     * @throws CliException if the name does not exist
     */
    VaultEntry require(String name) {
        return entry(name).orElseThrow(() -> new CliException("no entry named '" + name + "' in the vault"));
    }

    /**
     * This vault with {@code entry} added.
     *
     * @throws CliException if an entry of that name exists
     */
    Vault with(VaultEntry entry) {
        if (entry(entry.name()).isPresent()) {
            throw new CliException("an entry named '" + entry.name() + "' already exists; remove it first or choose another name");
        }
        return new Vault(append(entries, entry));
    }

    /** This vault with the entry of the same name replaced by {@code entry}. */
    Vault replacing(VaultEntry entry) {
        require(entry.name());
        return new Vault(entries.stream().map(old -> old.name().equals(entry.name()) ? entry : old).toList());
    }

    /**
     * This vault without the entry named {@code name}.
     *
     * @throws CliException if there is none
     */
    Vault without(String name) {
        require(name);
        return new Vault(entries.stream().filter(entry -> !entry.name().equals(name)).toList());
    }

    private static List<VaultEntry> append(List<VaultEntry> entries, VaultEntry entry) {
        List<VaultEntry> appended = new ArrayList<>(entries);
        appended.add(entry);
        return appended;
    }

    @Override
    public String toString() {
        return "Vault[" + entries.size() + " entries]";
    }
}
