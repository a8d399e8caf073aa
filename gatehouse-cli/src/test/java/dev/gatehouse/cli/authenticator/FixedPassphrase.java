package dev.gatehouse.cli.authenticator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A passphrase source that answers with one passphrase and remembers what it was asked. */
final class FixedPassphrase implements PassphraseSource {

    private final String passphrase;
    private final List<String> requests = new ArrayList<>();

    FixedPassphrase(String passphrase) {
        this.passphrase = passphrase;
    }

    @Override
    public char[] passphrase(Path vault) {
        requests.add("existing");
        return passphrase.toCharArray();
    }

    @Override
    public char[] newPassphrase(Path vault) {
        requests.add("new");
        return passphrase.toCharArray();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }
}
