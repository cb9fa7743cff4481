package io.certana.cli.demo;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code certana down}: stops the services that {@code certana demo} started, keeping their data. */
@Command(name = "down",
        description = "Stops the services that 'certana demo' started. The database and the stored images are kept "
                + "for the next run.")
public final class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Workspace workspace;
        try {
            workspace = Workspace.locate();
        } catch (IllegalStateException e) {
            System.err.println("certana down: " + e.getMessage());
            return 1;
        }
        int stopped = new LocalServices(workspace, System.out).stop();
        System.out.println(stopped == 0 ? "No service started by 'certana demo' is running."
                : "Stopped " + stopped + (stopped == 1 ? " service." : " services.")
                        + " Data is kept in the database 'certana' and in " + Workspace.dataDirectory() + ".");
        return 0;
    }
}
