import sys

from extract.launch import main

sys.exit(main())
