from datadossier.cli import main

raise SystemExit(main())
