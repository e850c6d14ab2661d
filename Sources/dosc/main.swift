import DoscCLI

DoscCommand.main()
