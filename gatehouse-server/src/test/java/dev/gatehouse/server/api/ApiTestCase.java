package dev.gatehouse.server.api;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A fresh Gatehouse API for each test, on its own SQLite store, with an IAM client signed by the
 * account's bootstrap administrator.
 */
abstract class ApiTestCase {

    @TempDir
    Path data;

    ApiServer api;
    IamClient admin;

    @BeforeEach
    void startApi() {
        api = new ApiServer(data);
        admin = api.iam(ApiServer.credentials(api.administratorKey));
    }

    @AfterEach
    void stopApi() {
        admin.close();
        api.close();
    }
}
