import DoscCLI

DoscCommand.runAsInvoked()
