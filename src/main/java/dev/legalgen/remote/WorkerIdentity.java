package dev.legalgen.remote;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A worker process as operators find it: {@code host:pid}. */
public record WorkerIdentity(String name) {

    public static WorkerIdentity ofThisProcess() {
        return new WorkerIdentity(host() + ":" + ProcessHandle.current().pid());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
